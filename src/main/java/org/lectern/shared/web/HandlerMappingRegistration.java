package org.lectern.shared.web;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Hands Spring Boot the {@link PrefixedHandlerMapping} and the {@link GuardedHandlerAdapter} in
 * place of the plain ones, configured as usual (Spring Boot takes one such registration only).
 */
@Component
class HandlerMappingRegistration implements WebMvcRegistrations {
  @Override
  public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
    return new PrefixedHandlerMapping();
  }

  @Override
  public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
    return new GuardedHandlerAdapter();
  }
}
