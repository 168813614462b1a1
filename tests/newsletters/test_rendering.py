"""The edition as a subscriber gets it: her sections only, the editor's Markdown made safe, and
a mail with both parts, inlined styles, the unsubscribe headers and no tracking."""

import pytest
from defusedxml import ElementTree

from api.newsletters.models import Edition, EditionStatus, Subscriber, SubscriberStatus
from api.newsletters.rendering import MailLinks, render_mail, render_web, sections_for

pytestmark = pytest.mark.engine_neutral

LINKS = MailLinks(
    manage="https://spoorboek.example/nieuwsbrief/beheren?token=m",
    unsubscribe="https://spoorboek.example/api/v1/nieuwsbrief/afmelden?token=u",
    archive="https://spoorboek.example/nieuwsbrief/archief/7",
)


def _edition(**values: object) -> Edition:
    return Edition(
        **{
            "title": "Nieuwsbrief maart",
            "introduction": "",
            "sections": [],
            "status": EditionStatus.DRAFT,
            **values,
        }
    )


def _subscriber(**values: object) -> Subscriber:
    return Subscriber(
        **{
            "email": "lezer@example.nl",
            "status": SubscriberStatus.ACTIVE,
            "everything": False,
            "measures": [],
            "themes": [],
            "waves": [],
            **values,
        }
    )


SECTIONS = [
    {
        "soort": "producten",
        "titel": "Nieuwe producten",
        "items": [
            {"titel": "Over M1", "tekst": "", "link": None, "maatregelen": ["M1"]},
            {"titel": "Over M2", "tekst": "", "link": None, "maatregelen": ["M2"]},
            {"titel": "Over alles", "tekst": "", "link": None},
        ],
    },
    {"soort": "vragen", "titel": "Alleen M2", "maatregelen": ["M2"], "items": [{"titel": "V"}]},
    {"soort": "voortgang", "titel": "Alleen thema werk", "themas": ["werk"], "items": []},
    {
        "soort": "termijnen",
        "titel": "Alleen M2-items",
        "items": [{"titel": "T", "maatregelen": ["M2"], "golven": [2]}],
    },
    {"soort": "eigen", "titel": "Voor iedereen", "items": []},
]


def test_a_subscriber_of_one_measure_gets_its_parts_and_what_is_about_everything() -> None:
    edition = _edition(sections=SECTIONS)
    kept = sections_for(edition, _subscriber(measures=["M1"]))
    assert [section["titel"] for section in kept] == ["Nieuwe producten", "Voor iedereen"]
    assert [item["titel"] for item in kept[0]["items"]] == ["Over M1", "Over alles"]
    # The edition itself is not changed by what one subscriber gets.
    assert len(edition.sections[0]["items"]) == 3


def test_a_theme_or_a_wave_is_enough() -> None:
    edition = _edition(sections=SECTIONS)
    by_theme = sections_for(edition, _subscriber(themes=["werk"]))
    assert "Alleen thema werk" in [section["titel"] for section in by_theme]
    by_wave = sections_for(edition, _subscriber(waves=[2]))
    assert "Alleen M2-items" in [section["titel"] for section in by_wave]
    assert "Alleen M2" not in [section["titel"] for section in by_wave]


def test_everything_and_the_archive_get_every_part() -> None:
    edition = _edition(sections=SECTIONS)
    assert sections_for(edition, _subscriber(everything=True)) == SECTIONS
    assert sections_for(edition, None) == SECTIONS


HOSTILE = (
    "# Welkom\n\nDit is **belangrijk**.\n\n"
    '<script>alert("x")</script>\n\n'
    '<a href="https://ok.example" onclick="steal()">klik</a> '
    "[gevaar](javascript:alert(1)) "
    '<a href="javascript:alert(2)">ook gevaar</a> '
    '<img src="https://tracker.example/p.gif">'
)


def test_markdown_is_rendered_and_scripts_handlers_and_javascript_links_are_stripped() -> None:
    edition = _edition(
        introduction=HOSTILE,
        sections=[
            {
                "soort": "eigen",
                "titel": "Eigen <b>kop</b>",
                "items": [
                    {"titel": "Kwaad", "tekst": "<svg onload=x>", "link": "javascript:alert(3)"},
                    {"titel": "Goed", "tekst": "*schuin*", "link": "https://ok.example/x"},
                ],
            }
        ],
    )
    for html in (render_web(edition, edition.sections), render_mail(edition, [], LINKS).html):
        lowered = html.lower()
        assert "<strong>belangrijk</strong>" in html
        assert "<script" not in lowered
        assert 'alert("x")' not in html
        assert "onclick" not in lowered
        assert "onload" not in lowered
        assert 'href="javascript' not in lowered
        assert "<img" not in lowered
        assert ">klik</a>" in html
    web = render_web(edition, edition.sections)
    assert "<h3>Welkom</h3>" in web
    assert "Eigen &lt;b&gt;kop&lt;/b&gt;" in web
    assert "<em>schuin</em>" in web
    assert 'href="https://ok.example/x"' in web
    assert "<svg" not in web.lower()


def test_the_mail_has_a_text_and_an_html_part_with_inlined_styles_and_unsubscribe_headers() -> None:
    edition = _edition(
        introduction="Hallo **allemaal**",
        sections=[
            {
                "soort": "producten",
                "titel": "Nieuwe producten",
                "items": [{"titel": "Handreiking", "tekst": "Lees dit", "link": "https://x.nl/p"}],
            }
        ],
    )
    mail = render_mail(edition, sections_for(edition, None), LINKS)
    assert mail.subject == "Nieuwsbrief maart"
    assert mail.headers == {
        "List-Unsubscribe": f"<{LINKS.unsubscribe}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    # The HTML part: styles inlined (mail programs drop <style>), the links, no tracking.
    assert "<style" not in mail.html
    assert 'style="' in mail.html
    assert "<strong>allemaal</strong>" in mail.html
    assert 'href="https://x.nl/p"' in mail.html
    assert f'href="{LINKS.manage.replace("&", "&amp;")}"' in mail.html
    assert f'href="{LINKS.archive}"' in mail.html
    assert "geen volgpixels en geen gevolgde links" in mail.html
    assert "<img" not in mail.html.lower()
    # The text part: no markup, the same content and links.
    for expected in ("Nieuwsbrief maart", "Handreiking", "https://x.nl/p", LINKS.manage,
                     LINKS.archive, "geen volgpixels en geen gevolgde links"):  # fmt: skip
        assert expected in mail.text
    assert "<p>" not in mail.text


def test_the_web_fragment_is_well_formed() -> None:
    edition = _edition(introduction="Een *intro* & meer", sections=SECTIONS)
    fragment = render_web(edition, sections_for(edition, None))
    root = ElementTree.fromstring(f"<div>{fragment}</div>")
    assert root.findall("h1") == [], "the page that shows it has the title"
    assert [heading.text for heading in root.findall("h2")][:2] == [
        "Nieuwe producten",
        "Alleen M2",
    ]


def test_stored_sections_of_any_shape_render_without_failing() -> None:
    edition = _edition(
        sections=[
            {"titel": None, "items": "geen lijst"},
            {"soort": "eigen", "items": [None, 3, {"titel": 5, "link": 7}]},
        ]
    )
    assert "<h2>" in render_web(edition, sections_for(edition, None))
    assert render_mail(edition, sections_for(edition, None), LINKS).text
