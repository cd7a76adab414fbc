package org.lectern.demo;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.lectern.identity.LecternUser;
import org.lectern.news.PostForm;
import org.lectern.news.Posts;

/**
 * The demo's first post: the organisers' reflection on the 2021 online series — what it gained
 * (lawyers from every region), what it lost (the dialogue of a room) and what they wish for next
 * (the best of both worlds) — in English, Russian and Kazakh, signed by the series' coordinator.
 */
final class DemoReflection {

  static final String SLUG = "reflections-on-the-2021-webinar-series";

  private DemoReflection() {}

  static void publish(
      Posts posts, LecternUser organiser, UUID organisation, UUID programme, UUID author) {
    Map<String, String> f = new HashMap<>();
    f.put("slug", SLUG);
    f.put("programmeId", programme.toString());
    f.put("authorId", author == null ? "" : author.toString());
    f.put("title_en", "Reflections on the 2021 webinar series");
    f.put(
        "body_en",
        """
        Our first training on the International Covenant on Civil and Political Rights took place \
        in December 2019, in a room in Almaty. The second series, in February 2021, could not: it \
        moved online.

        **What we gained.** Lawyers joined from all over Kazakhstan — from Aktobe and Kyzylorda as \
        much as from Almaty and Astana — and from the United Kingdom. Participation widened far \
        beyond the large legal centres, and that is the figure our funder cares about most.

        **What we lost.** The face-to-face dialogue, the connection between colleagues and the \
        interactivity of a room. Questions in a chat are not a conversation.

        **What we want next.** The best of both worlds: hybrid sessions in which people in the \
        room and people joining from the regions talk with each other, in small groups, as equals.

        Thank you to every speaker and every delegate — and to those who joined on a phone, on a \
        poor connection, after a day in court.""");
    f.put("title_ru", "Размышления о цикле вебинаров 2021 года");
    f.put(
        "body_ru",
        """
        Наш первый тренинг по Международному пакту о гражданских и политических правах прошёл \
        в декабре 2019 года в зале в Алматы. Второй цикл, в феврале 2021 года, так провести было \
        нельзя: он прошёл онлайн.

        **Что мы приобрели.** Юристы подключались со всего Казахстана — из Актобе и Кызылорды так \
        же, как из Алматы и Астаны, — и из Великобритании. Участие вышло далеко за пределы \
        крупных юридических центров, и именно эта цифра важнее всего для нашего донора.

        **Что мы потеряли.** Живой диалог, связь между коллегами и интерактивность зала. Вопросы \
        в чате — это ещё не разговор.

        **Чего мы хотим дальше.** Лучшего из двух миров: гибридных занятий, на которых люди в \
        зале и люди, подключившиеся из регионов, говорят друг с другом в небольших группах на \
        равных.

        Спасибо всем спикерам и всем участникам — и тем, кто подключался с телефона, при плохой \
        связи, после дня в суде.""");
    f.put("title_kk", "2021 жылғы вебинарлар циклі туралы ой-толғау");
    f.put(
        "body_kk",
        """
        Азаматтық және саяси құқықтар туралы халықаралық пакт бойынша алғашқы тренингіміз \
        2019 жылғы желтоқсанда Алматыдағы залда өтті. 2021 жылғы ақпандағы екінші циклді олай \
        өткізу мүмкін болмады: ол онлайн өтті.

        **Не ұттық.** Заңгерлер бүкіл Қазақстаннан — Алматы мен Астанадан ғана емес, Ақтөбе мен \
        Қызылордадан да — және Ұлыбританиядан қосылды. Қатысу ірі заң орталықтарынан әлдеқайда \
        кеңейді, ал донорымыз үшін ең маңыздысы да осы көрсеткіш.

        **Не жоғалттық.** Бетпе-бет диалогты, әріптестер арасындағы байланысты және залдың \
        интерактивтілігін. Чаттағы сұрақтар әлі әңгіме емес.

        **Әрі қарай не қалаймыз.** Екі әлемнің ең жақсысын: залдағы адамдар мен өңірлерден \
        қосылғандар шағын топтарда бір-бірімен тең дәрежеде сөйлесетін гибридті сабақтарды.

        Барлық спикерлер мен қатысушыларға — әсіресе сот отырысынан кейін телефоннан, нашар \
        байланыспен қосылғандарға — рақмет.""");
    var post = posts.create(organiser, organisation, PostForm.read(f));
    posts.publish(organiser, post.id());
  }
}
