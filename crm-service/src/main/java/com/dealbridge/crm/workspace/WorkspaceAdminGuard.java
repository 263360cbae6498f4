package com.dealbridge.crm.workspace;

import com.dealbridge.kit.web.ForbiddenException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses a {@link WorkspaceAdminPage} to reps who are not admins (one check for every handler of such a
 * controller, so a new one cannot forget it): the refusal goes to {@link WorkspacePageErrors}, the 403 error page.
 */
@Configuration(proxyBeanMethods = false)
class WorkspaceAdminGuard implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (handler instanceof HandlerMethod method
                        && method.getBeanType().isAnnotationPresent(WorkspaceAdminPage.class)
                        && !WorkspaceAdmin.signedIn()) {
                    // no detail: the error page's own (translated) text says it was refused
                    throw new ForbiddenException(null);
                }
                return true;
            }
        });
    }
}
