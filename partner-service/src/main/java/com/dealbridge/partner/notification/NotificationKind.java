package com.dealbridge.partner.notification;

/**
 * What the CRM side did that the partner hears about (user stories 3, 6, 8, 9). Each kind knows how to say it:
 * the subject names what happened and the deal, the sentence adds who did it.
 */
enum NotificationKind {

    /** A rep converted a CRM deal into a shared deal for the partner. */
    DEAL_REGISTERED_BY_REP {
        @Override
        String subject(String deal, String actor, String detail) {
            return "New shared deal \"" + deal + "\" registered for you by " + actor;
        }

        @Override
        String sentence(String deal, String actor, String detail) {
            return actor + " registered the shared deal \"" + deal + "\" for your partner account.";
        }
    },
    /** The CRM assigned a sales rep to the deal; {@code detail} is the rep's name. */
    REP_ASSIGNED {
        @Override
        String subject(String deal, String actor, String detail) {
            return "Sales rep " + detail + " assigned to your deal \"" + deal + "\"";
        }

        @Override
        String sentence(String deal, String actor, String detail) {
            return "Sales rep " + detail + " is now assigned to the shared deal \"" + deal + "\".";
        }
    },
    /** A rep added a shared note; {@code detail} is the note's text. */
    SHARED_NOTE_ADDED {
        @Override
        String subject(String deal, String actor, String detail) {
            return "New shared note from " + actor + " on \"" + deal + "\"";
        }

        @Override
        String sentence(String deal, String actor, String detail) {
            return actor + " added a shared note to the deal \"" + deal + "\".";
        }
    },
    /** A rep commented on a shared note; {@code detail} is the comment's text. */
    NOTE_COMMENT_ADDED {
        @Override
        String subject(String deal, String actor, String detail) {
            return "New comment from " + actor + " on \"" + deal + "\"";
        }

        @Override
        String sentence(String deal, String actor, String detail) {
            return actor + " commented on a shared note of the deal \"" + deal + "\".";
        }
    },
    DEAL_CLOSED_WON {
        @Override
        String subject(String deal, String actor, String detail) {
            return "Deal \"" + deal + "\" closed won";
        }

        @Override
        String sentence(String deal, String actor, String detail) {
            return "The customer has purchased: " + actor + " moved the deal \"" + deal + "\" to Closed won.";
        }
    },
    DEAL_CLOSED_LOST {
        @Override
        String subject(String deal, String actor, String detail) {
            return "Deal \"" + deal + "\" closed lost";
        }

        @Override
        String sentence(String deal, String actor, String detail) {
            return actor + " moved the deal \"" + deal + "\" to Closed lost.";
        }
    };

    abstract String subject(String deal, String actor, String detail);

    abstract String sentence(String deal, String actor, String detail);
}
