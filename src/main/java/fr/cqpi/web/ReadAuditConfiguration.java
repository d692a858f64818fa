package fr.cqpi.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The read log's interceptor, on the routes that show a learner's data. */
@Configuration(proxyBeanMethods = false)
class ReadAuditConfiguration implements WebMvcConfigurer {

    private final ReadAuditInterceptor interceptor;

    ReadAuditConfiguration(ReadAuditInterceptor interceptor) {
        this.interceptor = interceptor;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(interceptor).addPathPatterns("/app/learners/**", "/api/v1/learners/**");
    }
}
