package org.lectern.certificate.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CertificateCodeTest {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Test
  void carriesAtLeast80RandomBits() {
    assertThat(CertificateCode.RANDOM_BITS).isGreaterThanOrEqualTo(80);
    assertThat(Math.pow(CertificateCode.ALPHABET.length(), CertificateCode.RANDOM_CHARACTERS))
        .isGreaterThanOrEqualTo(Math.pow(2, 80));
  }

  @Test
  void hasReadableGroupsWithoutAmbiguousLetters() {
    CertificateCode code = CertificateCode.generate(RANDOM);

    assertThat(code.value()).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){4}");
    assertThat(code.value()).doesNotContain("I", "L", "O", "U");
    assertThat(CertificateCode.ALPHABET).hasSize(32).doesNotContain("I", "L", "O", "U");
  }

  @Test
  void generatedCodesDifferAndUseTheWholeAlphabet() {
    Set<String> codes = new HashSet<>();
    Set<Character> characters = new HashSet<>();
    for (int i = 0; i < 2_000; i++) {
      String code = CertificateCode.generate(RANDOM).compact();
      codes.add(code);
      code.substring(0, CertificateCode.RANDOM_CHARACTERS)
          .chars()
          .forEach(c -> characters.add((char) c));
    }
    assertThat(codes).hasSize(2_000);
    assertThat(characters).hasSize(32);
  }

  @Property
  void sloppyTypingParsesBackToTheSameCode(@ForAll long seed) {
    CertificateCode code = CertificateCode.generate(seeded(seed));
    String sloppy =
        code.compact()
            .toLowerCase(Locale.ROOT)
            .replace('0', seed % 2 == 0 ? 'o' : 'O')
            .replace('1', seed % 3 == 0 ? 'l' : 'I');

    assertThat(CertificateCode.parse(sloppy)).isEqualTo(code);
    assertThat(CertificateCode.parse(" " + code.value() + " ")).isEqualTo(code);
    assertThat(CertificateCode.parse(code.compact())).isEqualTo(code);
  }

  @Test
  void acceptsCyrillicLookalikesTypedOnARussianLayout() {
    CertificateCode code = SampleCertificates.CODE; // 7K3M-9QXZ-4TRB-2HCW-8NPX
    assertThat(CertificateCode.parse("7К3М-9QХZ-4ТRВ-2НСW-8NРХ")).isEqualTo(code);
  }

  @Property
  void aSingleMistypedCharacterIsRejected(@ForAll long seed) {
    Random random = new Random(seed);
    String compact = CertificateCode.generate(seeded(seed)).compact();
    int position = random.nextInt(CertificateCode.LENGTH);
    char original = compact.charAt(position);
    char replacement = CertificateCode.ALPHABET.charAt(random.nextInt(32));
    boolean zeroZSwap = "0Z".indexOf(original) >= 0 && "0Z".indexOf(replacement) >= 0;
    if (replacement == original || zeroZSwap) {
      return;
    }
    String typo = compact.substring(0, position) + replacement + compact.substring(position + 1);

    assertThat(CertificateCode.tryParse(typo)).isEmpty();
  }

  @Test
  void rejectsWrongLengthAndForeignCharacters() {
    assertThat(CertificateCode.tryParse("7K3M-9QXZ-4TRB-2HCW")).isEmpty();
    assertThat(CertificateCode.tryParse("7K3M-9QXZ-4TRB-2HCW-8NPXX")).isEmpty();
    assertThat(CertificateCode.tryParse("7K3M-9QXZ-4TRB-2HCW-8NPU")).isEmpty();
    assertThat(CertificateCode.tryParse(null)).isEmpty();
    assertThatThrownBy(() -> new CertificateCode("7k3m-9qxz-4trb-2hcw-8npx"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static SecureRandom seeded(long seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed);
      return random;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
