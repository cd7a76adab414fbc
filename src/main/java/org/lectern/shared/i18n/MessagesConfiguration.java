package org.lectern.shared.i18n;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * One bundle per feature (messages/&lt;feature&gt;_en|ru|kk.properties), UTF-8, no base file: a key
 * missing in a language is an error, never a silent fall back to another language.
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

  @Bean
  MessageSource messageSource(@Value("${spring.messages.basename}") String[] basenames) {
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasenames(basenames);
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    source.setUseCodeAsDefaultMessage(false);
    return source;
  }
}
