package fr.cqpi.lti;

import fr.cqpi.course.Actor;
import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers {@link ActorArgumentResolver} with Spring MVC, and keeps the actor out of the OpenAPI document. */
@Configuration(proxyBeanMethods = false)
class ActorArgumentConfiguration implements WebMvcConfigurer {

    static {
        // springdoc would otherwise describe the Actor's fields as query parameters of every API operation.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ActorArgumentResolver());
    }
}
