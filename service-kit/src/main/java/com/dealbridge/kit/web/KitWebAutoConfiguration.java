package com.dealbridge.kit.web;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.SearchStrategy;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problems for every error: the controller advice (mapping {@link ProblemException} and Spring's own
 * exceptions), an error controller for errors raised outside Spring MVC, and the {@link NegotiationGuard} that
 * refuses an unusable Content-Type or Accept before a controller method runs. Runs before Boot's web MVC and
 * error auto-configuration so that their equivalents back off.
 */
@AutoConfiguration(before = { WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class KitWebAutoConfiguration {

    // Concrete return types: Spring detects advice and controllers from the bean type it can predict.

    @Bean
    @ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
    ProblemExceptionHandler problemExceptionHandler() {
        return new ProblemExceptionHandler();
    }

    @Bean
    @ConditionalOnMissingBean(value = ErrorController.class, search = SearchStrategy.CURRENT)
    ProblemErrorController problemErrorController(ObjectProvider<PagePaths> pagePaths) {
        return new ProblemErrorController(pagePaths);
    }

    /** Content-Type and Accept are checked before a controller method runs (see {@link NegotiationGuard}). */
    @Bean
    WebMvcConfigurer kitNegotiationGuard() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new NegotiationGuard());
            }
        };
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({ Tomcat.class, ConfigurableTomcatWebServerFactory.class })
    static class TomcatErrorReports {

        @Bean
        WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemErrorReportValveCustomizer() {
            // The host sets up its error report valve before it starts the context: swap it then.
            return factory -> factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
                if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())
                        && context.getParent() instanceof StandardHost host) {
                    ProblemErrorReportValve.install(host);
                }
            }));
        }
    }
}
