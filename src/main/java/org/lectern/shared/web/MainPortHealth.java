package org.lectern.shared.web;

import java.util.Map;
import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Health, liveness and readiness on the main port, status only, while every other operational
 * endpoint (metrics above all) answers only on the management port, bound to loopback. Load
 * balancers and the API contract rely on {@code GET /actuator/health} here.
 */
@RestController
@ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
class MainPortHealth {

  private final HealthEndpoint health;

  MainPortHealth(HealthEndpoint health) {
    this.health = health;
  }

  @GetMapping(value = "/actuator/health", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, String>> health() {
    return answer(health.health());
  }

  @GetMapping(value = "/actuator/health/liveness", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, String>> liveness() {
    return answer(health.healthForPath("liveness"));
  }

  @GetMapping(value = "/actuator/health/readiness", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, String>> readiness() {
    return answer(health.healthForPath("readiness"));
  }

  private static ResponseEntity<Map<String, String>> answer(HealthDescriptor d) {
    if (d == null) {
      return ResponseEntity.notFound().build();
    }
    Status s = d.getStatus();
    HttpStatus code =
        Status.UP.equals(s) || Status.UNKNOWN.equals(s)
            ? HttpStatus.OK
            : HttpStatus.SERVICE_UNAVAILABLE;
    return ResponseEntity.status(code).body(Map.of("status", s.getCode()));
  }
}
