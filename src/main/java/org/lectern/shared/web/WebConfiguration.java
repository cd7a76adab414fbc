package org.lectern.shared.web;

import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Languages, static assets and their caching; the handler arguments ({@link Ui}, {@link FormPost}
 * and every {@link HandlerArgument} bean).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

  private final UiFactory uiFactory;
  private final ObjectProvider<HandlerArgument<?>> arguments;

  WebConfiguration(
      @org.springframework.context.annotation.Lazy UiFactory uiFactory,
      ObjectProvider<HandlerArgument<?>> arguments) {
    this.uiFactory = uiFactory;
    this.arguments = arguments;
  }

  @Override
  public void addArgumentResolvers(
      java.util.List<org.springframework.web.method.support.HandlerMethodArgumentResolver> r) {
    r.add(new UiArgumentResolver(uiFactory));
    r.add(new FormPostArgumentResolver(uiFactory));
    arguments.orderedStream().forEach(r::add);
  }

  @Bean
  LocaleResolver localeResolver() {
    return new LecternLocaleResolver();
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new LanguageParameterInterceptor(localeResolver()));
  }

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry
        .addResourceHandler("/assets/**")
        .addResourceLocations("classpath:/static/assets/")
        .setCacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic());
    registry
        .addResourceHandler("/webjars/**")
        .addResourceLocations("classpath:/META-INF/resources/webjars/")
        .setCacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePublic());
  }
}
