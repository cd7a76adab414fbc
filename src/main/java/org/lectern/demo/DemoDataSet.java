package org.lectern.demo;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The shape of demo/demo-data.json: fictional organisations, speakers and programmes. */
record DemoDataSet(
    List<Org> organisations, List<DemoSpeaker> speakers, List<DemoProgramme> programmes) {

  record Org(String slug, Map<String, String> name, String website) {}

  record DemoSpeaker(
      String key,
      String fullName,
      String organisation,
      String affiliation,
      Map<String, String> bio) {}

  record DemoProgramme(
      String slug,
      String organisation,
      Map<String, String> title,
      Map<String, String> description,
      List<String> languages,
      String timeZone,
      BigDecimal cpdHours,
      Integer capacity,
      boolean waitlist,
      boolean approvalRequired,
      String status,
      List<Partner> partners,
      List<DemoSession> sessions) {}

  record Partner(
      String organisation,
      String role,
      Map<String, String> acknowledgement,
      Map<String, String> disclaimer) {}

  record DemoSession(
      Map<String, String> title,
      @com.fasterxml.jackson.annotation.JsonProperty("abstract") Map<String, String> summary,
      String startsAt,
      String endsAt,
      String mode,
      String language,
      List<String> interpretation,
      List<Integer> iccprArticles,
      Map<String, String> venue,
      Integer roomCapacity,
      Meeting meeting,
      List<Assignment> speakers) {}

  record Meeting(String provider, String url) {}

  record Assignment(String speaker, String role) {}
}
