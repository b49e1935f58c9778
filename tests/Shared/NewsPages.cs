namespace NewsQA.Testing;

/// <summary>The feeds and article pages <see cref="NewsSite"/> serves; "{site}" becomes the site's address.</summary>
public static class NewsPages
{
    public const string CeasefireFact = "The negotiators agreed to a thirty-day pause in the fighting around Mosul, the ministry spokesman Ali Hassan said on Tuesday.";

    public const string NatoFact = "أعلن حلف شمال الأطلسي رفع عدد مستشاريه العسكريين في العراق إلى أربعة آلاف مستشار خلال العام المقبل.";

    public const string DamFact = "Engineers completed the repairs to the Haditha dam spillway after three months of work, the water ministry said.";

    public const string Rss = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
          <channel>
            <title>Tigris Daily</title>
            <link>{site}/</link>
            <language>en-us</language>
            <item>
              <title>Ceasefire talks resume (feed title)</title>
              <link>{site}/articles/ceasefire.html?utm_source=rss</link>
              <pubDate>Mon, 04 Mar 2024 22:00:00 GMT</pubDate>
              <description>Talks resumed.</description>
            </item>
            <item>
              <title>الناتو يرفع عدد مستشاريه</title>
              <link>{site}/articles/nato-ar.html</link>
              <pubDate>Sun, 19 Nov 2023 08:00:00 +0300</pubDate>
            </item>
            <item>
              <title>A story that was taken down</title>
              <link>{site}/articles/missing.html</link>
              <pubDate>Sat, 02 Mar 2024 10:00:00 GMT</pubDate>
            </item>
            <item>
              <title>A page far too large</title>
              <link>{site}/articles/huge.html</link>
            </item>
          </channel>
        </rss>
        """;

    public const string Atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
          <title>Euphrates Wire</title>
          <id>urn:euphrates</id>
          <updated>2022-08-15T00:00:00Z</updated>
          <entry>
            <title>Haditha dam repaired</title>
            <link rel="alternate" href="/articles/dam.html"/>
            <id>urn:dam</id>
            <published>2022-08-15T00:00:00Z</published>
            <updated>2022-08-16T00:00:00Z</updated>
          </entry>
          <entry>
            <title>A market reopens</title>
            <link href="{site}/articles/undated.html"/>
            <id>urn:market</id>
            <updated>2021-05-02T12:00:00Z</updated>
          </entry>
          <entry>
            <title>Haditha dam repaired (syndicated copy)</title>
            <link href="{site}/articles/dam-copy.html"/>
            <id>urn:dam-copy</id>
            <published>2022-08-15T06:00:00Z</published>
          </entry>
        </feed>
        """;

    /// <summary>An English article inside a full site: menus, breadcrumb, share bar, related and most-read lists, comments, cookie banner.</summary>
    public const string HeavyNavigationPage = """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>Ceasefire talks resume in Baghdad | Tigris Daily</title>
          <meta property="og:title" content="Ceasefire talks resume in Baghdad">
          <meta property="og:site_name" content="Tigris Daily">
          <meta property="article:published_time" content="2024-03-05T08:30:00+03:00">
          <link rel="canonical" href="{site}/articles/ceasefire.html">
          <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Ceasefire talks resume","datePublished":"2024-03-01T00:00:00Z"}</script>
          <style>.share-bar{display:flex}</style>
        </head>
        <body>
          <div id="cookie-consent">We use cookies to improve your experience. Accept all cookies</div>
          <header class="site-header"><a href="/">Tigris Daily</a><time datetime="2024-06-01">Saturday 1 June 2024</time>
            <nav><ul><li><a href="/world">World</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav>
          </header>
          <div class="breadcrumb"><a href="/">Home</a> › <a href="/world">World</a></div>
          <div class="layout with-sidebar">
            <article>
              <h1>Ceasefire talks resume in Baghdad</h1>
              <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email</a></div>
              <p>Delegations from the government and the armed factions returned to the negotiating table in Baghdad on Monday, after a week in which the talks had stalled over the release of prisoners.</p>
              <figure><img src="/img/talks.jpg" alt=""><figcaption>Delegates arrive at the conference hall (Reuters)</figcaption></figure>
              <p>The negotiators agreed to a thirty-day pause in the fighting around Mosul, the ministry spokesman Ali Hassan said on Tuesday.</p>
              <p><a href="/articles/oil.html">Read more: Oil prices fall after the OPEC meeting in Vienna</a></p>
              <h2>What comes next</h2>
              <p>Observers from the United Nations will monitor the pause, and a second round of talks is planned for the end of the month in Erbil.</p>
              <div class="related-stories"><h3>Related stories</h3><ul>
                <li><a href="/a1">Floods close schools across the south of the country</a></li>
                <li><a href="/a2">Parliament approves the annual budget after months of delay</a></li>
              </ul></div>
            </article>
            <aside><h3>Most read</h3><ol><li><a href="/a3">Football: Iraq beat Jordan two-nil in the Asian Cup qualifier</a></li></ol></aside>
          </div>
          <section class="comments"><h3>Leave a comment</h3><form><textarea>Your comment</textarea><button>Post comment</button></form></section>
          <footer><p>© 2024 Tigris Daily. All rights reserved. Contact us at the newsroom for corrections.</p></footer>
          <script>window.analytics = "tracking code that is not text";</script>
        </body>
        </html>
        """;

    /// <summary>An Arabic article whose date and outlet come from JSON-LD inside an @graph.</summary>
    public const string ArabicPage = """
        <!doctype html>
        <html lang="ar" dir="rtl">
        <head>
          <meta charset="utf-8">
          <title>الناتو يرفع عدد مستشاريه في العراق</title>
          <script type="application/ld+json">
          {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"موقع"},{"@type":"NewsArticle","headline":"الناتو يرفع عدد مستشاريه في العراق","datePublished":"2023-11-20T10:15:00+03:00","publisher":{"@type":"Organization","name":"وكالة الأنباء العراقية"}}]}
          </script>
        </head>
        <body>
          <nav><a href="/">الرئيسية</a> <a href="/politics">سياسة</a> <a href="/economy">اقتصاد</a></nav>
          <main>
            <h1>الناتو يرفع عدد مستشاريه في العراق</h1>
            <p>أعلن حلف شمال الأطلسي رفع عدد مستشاريه العسكريين في العراق إلى أربعة آلاف مستشار خلال العام المقبل.</p>
            <p>وقال متحدث باسم الحلف إن المستشارين سيعملون على تدريب القوات العراقية في بغداد والأنبار ولن يشاركوا في القتال.</p>
            <p>ورحبت الحكومة العراقية بالقرار، مؤكدة أن التعاون مع الحلف يهدف إلى بناء قدرات الجيش العراقي.</p>
          </main>
          <footer>جميع الحقوق محفوظة</footer>
        </body>
        </html>
        """;

    /// <summary>An article dated only by a time element in its body; the site header has today's date in another.</summary>
    public const string TimeElementPage = """
        <html>
        <head><title>Haditha dam repaired</title></head>
        <body>
          <div class="top"><span>Today: <time datetime="2024-06-01">1 June 2024</time></span></div>
          <div class="content">
            <article>
              <h1>Haditha dam repaired</h1>
              <p class="meta">Published <time datetime="2022-08-14T09:00:00Z">14 August 2022</time></p>
              <p>Engineers completed the repairs to the Haditha dam spillway after three months of work, the water ministry said.</p>
              <p>The dam on the Euphrates supplies electricity to much of western Iraq and holds water for the farms of Anbar province.</p>
            </article>
          </div>
        </body>
        </html>
        """;

    /// <summary>An article with no date anywhere on the page.</summary>
    public const string UndatedPage = """
        <html lang="en">
        <head><title>A market reopens in Basra</title></head>
        <body>
          <div id="main">
            <h1>A market reopens in Basra</h1>
            <p>The old covered market of Basra reopened to shoppers after a restoration that kept its brick arches and wooden doors.</p>
            <p>Traders said that customers had returned within hours, and that the first week's sales were the best in years.</p>
          </div>
        </body>
        </html>
        """;
}
