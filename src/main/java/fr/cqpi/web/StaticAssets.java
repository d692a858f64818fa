package fr.cqpi.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The tool's styles and scripts under URLs that name their content ({@code /js/app-<md5>.js}, written by
 * {@code @{/js/app.js}} in the templates), which browsers keep for a year without asking again; the webjars' URLs
 * name their version already. An unversioned URL still works, revalidated at each use. Only these three folders
 * are static, so the links of a page that point elsewhere cost no resource lookup; and {@code /favicon.ico}, which
 * every browser asks for on each site (a 404 there logged two warnings per page), kept a day.
 */
@Configuration(proxyBeanMethods = false)
class StaticAssets implements WebMvcConfigurer {

    static final String FOREVER =
            CacheControl.maxAge(Duration.ofDays(365)).immutable().getHeaderValue();
    private static final Pattern FINGERPRINTED = Pattern.compile("^/(css|js)/.+-[0-9a-f]{32}\\.[a-z]+$");

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        for (String folder : new String[] {"css", "js"}) {
            registry.addResourceHandler("/" + folder + "/**")
                    .addResourceLocations("classpath:/static/" + folder + "/")
                    .resourceChain(true)
                    .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
        }
        registry.addResourceHandler("/favicon.ico")
                .addResourceLocations("classpath:/static/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(1)));
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true);
    }

    /** Outermost: each asset's cache lifetime. */
    @Bean
    FilterRegistrationBean<AssetCaching> assetCaching() {
        FilterRegistrationBean<AssetCaching> registration = new FilterRegistrationBean<>(new AssetCaching());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** A year for fingerprinted and webjar URLs; revalidated at each use for an unversioned one. */
    static final class AssetCaching extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            if (path.startsWith("/webjars/") || FINGERPRINTED.matcher(path).matches()) {
                response.setHeader("Cache-Control", FOREVER);
            } else if (path.startsWith("/css/") || path.startsWith("/js/")) {
                response.setHeader("Cache-Control", "no-cache");
            }
            chain.doFilter(request, response);
        }
    }
}
