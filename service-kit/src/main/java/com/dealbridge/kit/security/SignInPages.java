package com.dealbridge.kit.security;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page and the invitation form (the sign-in itself is Spring Security's form login). */
@Controller
@Hidden // a page, not part of the API document
class SignInPages {

    private final Invitations invitations;
    private final ObjectProvider<PasswordAccounts> accounts;
    private final PasswordEncoder encoder;
    private final SignInProperties properties;

    SignInPages(Invitations invitations, ObjectProvider<PasswordAccounts> accounts, PasswordEncoder encoder,
                SignInProperties properties) {
        this.invitations = invitations;
        this.accounts = accounts;
        this.encoder = encoder;
        this.properties = properties;
    }

    @GetMapping("/sign-in")
    String signIn() {
        return "kit/sign-in";
    }

    @GetMapping(Invitations.PATH + "{token}")
    String invitation(@PathVariable String token, Model model, HttpServletResponse response) {
        if (!invitations.valid(token)) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "kit/invitation-invalid";
        }
        model.addAttribute("minLength", properties.minPasswordLength());
        model.addAttribute("token", token);
        return "kit/invitation";
    }

    @PostMapping(Invitations.PATH + "{token}")
    String setPassword(@PathVariable String token, @RequestParam(defaultValue = "") String password, Model model,
                       HttpServletResponse response) {
        if (password.length() < properties.minPasswordLength()
                || password.length() > SignInProperties.MAX_PASSWORD_LENGTH || password.isBlank()) {
            response.setStatus(422);
            model.addAttribute("minLength", properties.minPasswordLength());
        model.addAttribute("token", token);
            model.addAttribute("passwordError", true);
            return "kit/invitation";
        }
        String userId = invitations.redeem(token).orElse(null);
        if (userId == null || !accounts.getObject().setPassword(userId, encoder.encode(password))) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "kit/invitation-invalid";
        }
        return "redirect:/sign-in?passwordSet";
    }
}
