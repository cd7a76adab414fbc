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
  MessageSource messageSource(@Value("${spring.messages.basename}") String[] configured)
      throws java.io.IOException {
    java.util.Set<String> basenames = new java.util.LinkedHashSet<>(java.util.List.of(configured));
    // Every feature's bundle is found on the class path, so a new feature needs no configuration.
    for (var r :
        new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
            .getResources("classpath*:messages/*_en.properties")) {
      String file = java.util.Objects.requireNonNull(r.getFilename());
      basenames.add("messages/" + file.substring(0, file.length() - "_en.properties".length()));
    }
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasenames(basenames.toArray(String[]::new));
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    source.setUseCodeAsDefaultMessage(false);
    return source;
  }
}
