package org.lectern.shared.session;

import org.lectern.shared.crypto.PersonalDataCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;

/**
 * Session attributes as stored: Java-serialised, then sealed with the personal-data key (a
 * signed-in delegate's principal holds their address; a back-office one their name). A database
 * dump shows no name, and only bytes this installation sealed are ever deserialised — a row written
 * by anyone else fails authentication and is read as absent, which signs that session out.
 */
final class SealedAttributes {

  static final String CONTEXT = "session.attribute";

  private static final Logger log = LoggerFactory.getLogger(SealedAttributes.class);

  private SealedAttributes() {}

  static Converter<Object, byte[]> sealing(PersonalDataCipher cipher) {
    SerializingConverter serialize = new SerializingConverter();
    return value -> cipher.seal(serialize.convert(value), CONTEXT);
  }

  static Converter<byte[], Object> opening(PersonalDataCipher cipher, ClassLoader loader) {
    DeserializingConverter deserialize = new DeserializingConverter(loader);
    return bytes -> {
      byte[] plain;
      try {
        plain = cipher.unseal(bytes, CONTEXT);
      } catch (IllegalStateException e) {
        log.warn("A stored session attribute does not open with this installation's key");
        return null;
      }
      try {
        return deserialize.convert(plain);
      } catch (RuntimeException e) {
        // A class changed shape between releases: that attribute is gone, the session goes on.
        log.warn("A stored session attribute could not be read: {}", e.toString());
        return null;
      }
    };
  }
}
