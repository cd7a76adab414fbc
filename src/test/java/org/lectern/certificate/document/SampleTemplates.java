package org.lectern.certificate.document;

/** Organiser-style templates for the tests. */
final class SampleTemplates {

  static final String MINIMAL =
      """
      <html xmlns="http://www.w3.org/1999/xhtml" lang="{{lang}}">
      <head><style>
      @page { size: A4 landscape; margin: 20mm; }
      body { font-family: 'Lectern Sans'; }
      h1 { font-family: serif; font-size: 30pt; }
      </style></head>
      <body>
      {{#logo}}{{logo}}{{/logo}}
      <h1>{{label.title}}</h1>
      <p>{{holderName}}</p>
      <p>{{programmeTitle}}, {{dates}}, {{hours}} {{label.hoursUnit}}</p>
      <ol>{{topics}}</ol>
      <div>{{qrCode}} {{code}}</div>
      </body>
      </html>
      """;

  private SampleTemplates() {}
}
