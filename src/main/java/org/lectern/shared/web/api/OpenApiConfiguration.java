package org.lectern.shared.web.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API's description at /v3/api-docs: title, version and the bearer-token scheme. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  @Bean
  OpenAPI lecternApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Lectern API")
                .version("v1")
                .description(
                    "Programmes, sessions, registrations, attendance and certificates of training"
                        + " programmes for lawyers. Errors are RFC 9457 problem+json; lists take"
                        + " limit and offset and send X-Total-Count.")
                .license(new License().name("Open source")))
        .components(
            new Components()
                .addSecuritySchemes(
                    "bearer",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("A token from POST /api/v1/auth/tokens")))
        .addSecurityItem(new SecurityRequirement().addList("bearer"));
  }
}
