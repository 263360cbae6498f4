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
    /** The registration expires soon; {@code detail} is the expiry date (ISO-8601). */
    REGISTRATION_EXPIRING {
        @Override
        String subject(String deal, String actor, String detail) {
            return "Your registration of \"" + deal + "\" expires on " + day(detail);
        }

        @Override
        String sentence(String deal, String actor, String detail) {
            return "The registration of the shared deal \"" + deal + "\" expires on " + day(detail)
                    + " unless the deal closes or your sales rep extends it.";
        }
    },
    /** The vendor moved the registration's state; {@code detail} is the new state and why. */
    REGISTRATION_CHANGED {
        @Override
        String subject(String deal, String actor, String detail) {
            return "Registration of \"" + deal + "\": " + detail;
        }

        @Override
        String sentence(String deal, String actor, String detail) {
            return actor + " changed the registration of the shared deal \"" + deal + "\": " + detail + ".";
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

    /** The date of an ISO-8601 instant, as the mail says it. */
    static String day(String instant) {
        return instant == null || instant.length() < 10 ? String.valueOf(instant) : instant.substring(0, 10);
    }

    abstract String subject(String deal, String actor, String detail);

    abstract String sentence(String deal, String actor, String detail);
}
