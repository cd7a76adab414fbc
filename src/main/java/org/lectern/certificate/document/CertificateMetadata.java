package org.lectern.certificate.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Optional;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;

/**
 * Document info and XMP of a certificate. The code and holder live in both, declared through a
 * PDF/A extension schema, so an offline verifier can read them from the signed file itself.
 */
final class CertificateMetadata {

  static final String CODE_KEY = "LecternCertificateCode";
  static final String HOLDER_KEY = "LecternHolderName";
  static final String NAMESPACE = "http://ns.lectern.invalid/certificate/1.0/";
  static final String PRODUCER = "Lectern";

  private CertificateMetadata() {}

  static void write(
      PDDocument document,
      String title,
      CertificateContent content,
      CertificateLanguage language,
      Instant now)
      throws IOException {
    Calendar created = calendar(now.truncatedTo(ChronoUnit.SECONDS));
    PDDocumentInformation info = new PDDocumentInformation();
    info.setTitle(title);
    info.setCreator(PRODUCER);
    info.setProducer(PRODUCER);
    info.setCreationDate(created);
    info.setModificationDate(created);
    info.setCustomMetadataValue(CODE_KEY, content.code().value());
    info.setCustomMetadataValue(HOLDER_KEY, content.holderName());
    document.setDocumentInformation(info);
    document.getDocumentCatalog().setLanguage(language.tag());
    String xmp = xmp(title, content, language, created.toInstant());
    PDMetadata metadata =
        new PDMetadata(document, new ByteArrayInputStream(xmp.getBytes(StandardCharsets.UTF_8)));
    metadata.getCOSObject().setItem(COSName.FILTER, null);
    document.getDocumentCatalog().setMetadata(metadata);
  }

  static Optional<String> code(PDDocument document) {
    return Optional.ofNullable(document.getDocumentInformation().getCustomMetadataValue(CODE_KEY));
  }

  static Optional<String> holder(PDDocument document) {
    return Optional.ofNullable(
        document.getDocumentInformation().getCustomMetadataValue(HOLDER_KEY));
  }

  private static Calendar calendar(Instant instant) {
    GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    calendar.setTimeInMillis(instant.toEpochMilli());
    return calendar;
  }

  private static String xmp(
      String title, CertificateContent content, CertificateLanguage language, Instant created) {
    String date = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(created.atOffset(ZoneOffset.UTC));
    return XMP_TEMPLATE
        .replace("${title}", Xhtml.escape(title))
        .replace("${lang}", language.tag())
        .replace("${date}", date)
        .replace("${code}", Xhtml.escape(content.code().value()))
        .replace("${holder}", Xhtml.escape(content.holderName()))
        .replace("${producer}", PRODUCER)
        .replace("${ns}", NAMESPACE);
  }

  private static final String XMP_TEMPLATE =
      """
      <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
      <x:xmpmeta xmlns:x="adobe:ns:meta/">
       <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
        <rdf:Description rdf:about=""
          xmlns:dc="http://purl.org/dc/elements/1.1/"
          xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
          xmlns:xmp="http://ns.adobe.com/xap/1.0/"
          xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
          xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
          xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
          xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#"
          xmlns:lectern="${ns}">
         <pdfaid:part>3</pdfaid:part>
         <pdfaid:conformance>B</pdfaid:conformance>
         <dc:format>application/pdf</dc:format>
         <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${title}</rdf:li></rdf:Alt></dc:title>
         <dc:language><rdf:Bag><rdf:li>${lang}</rdf:li></rdf:Bag></dc:language>
         <pdf:Producer>${producer}</pdf:Producer>
         <xmp:CreatorTool>${producer}</xmp:CreatorTool>
         <xmp:CreateDate>${date}</xmp:CreateDate>
         <xmp:ModifyDate>${date}</xmp:ModifyDate>
         <lectern:certificateCode>${code}</lectern:certificateCode>
         <lectern:holderName>${holder}</lectern:holderName>
         <pdfaExtension:schemas>
          <rdf:Bag>
           <rdf:li rdf:parseType="Resource">
            <pdfaSchema:schema>Lectern certificate</pdfaSchema:schema>
            <pdfaSchema:namespaceURI>${ns}</pdfaSchema:namespaceURI>
            <pdfaSchema:prefix>lectern</pdfaSchema:prefix>
            <pdfaSchema:property>
             <rdf:Seq>
              <rdf:li rdf:parseType="Resource">
               <pdfaProperty:name>certificateCode</pdfaProperty:name>
               <pdfaProperty:valueType>Text</pdfaProperty:valueType>
               <pdfaProperty:category>external</pdfaProperty:category>
               <pdfaProperty:description>Code to verify the certificate</pdfaProperty:description>
              </rdf:li>
              <rdf:li rdf:parseType="Resource">
               <pdfaProperty:name>holderName</pdfaProperty:name>
               <pdfaProperty:valueType>Text</pdfaProperty:valueType>
               <pdfaProperty:category>external</pdfaProperty:category>
               <pdfaProperty:description>Name of the certificate holder</pdfaProperty:description>
              </rdf:li>
             </rdf:Seq>
            </pdfaSchema:property>
           </rdf:li>
          </rdf:Bag>
         </pdfaExtension:schemas>
        </rdf:Description>
       </rdf:RDF>
      </x:xmpmeta>
      <?xpacket end="w"?>
      """;
}
