package com.dealbridge.crm.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.dealbridge.kit.web.ConflictException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.ModelAndView;

class WorkspacePageErrorsTest {

    private final WorkspacePageErrors errors = new WorkspacePageErrors();

    @Test
    void anUnexpectedFailureIsTheErrorPageWith500AndNoInternals() {
        ModelAndView page = errors.failed(new IllegalStateException("secret internals"));

        assertThat(page.getViewName()).isEqualTo("kit/error");
        assertThat(page.getStatus()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(page.getModel()).containsEntry("status", 500).containsEntry("detail", null);
    }

    @Test
    void springsOwnRefusalsKeepTheirStatus() {
        ModelAndView page = errors.failed(new HttpRequestMethodNotSupportedException("DELETE"));

        assertThat(page.getStatus()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
    }

    @Test
    void aRefusalShowsItsStatusAndReason() {
        ModelAndView page = errors.refused(new ConflictException("Not allowed", "dealName is CRM_TO_PARTNER"));

        assertThat(page.getStatus()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(page.getModel()).containsEntry("detail", "dealName is CRM_TO_PARTNER");
    }
}
