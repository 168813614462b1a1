"""What every HTML mail shares: one layout (`templates/layout.html`: the house style, the
brand line, a footer each kind of mail fills), Jinja2 set up the same way, and CSS inlined, as
mail clients drop style sheets. A domain's templates extend "layout.html"."""

from functools import cache

import css_inline
from jinja2 import ChoiceLoader, Environment, PackageLoader, StrictUndefined, select_autoescape


@cache
def environment(package: str) -> Environment:
    """Templates of `package` (its `templates` folder) and the shared layout."""
    return Environment(
        loader=ChoiceLoader(
            [PackageLoader(package, "templates"), PackageLoader("api.mail", "templates")]
        ),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@cache
def _inliner() -> css_inline.CSSInliner:
    return css_inline.CSSInliner(keep_style_tags=False, load_remote_stylesheets=False)


def inline_css(html: str) -> str:
    return _inliner().inline(html)


def one_click_unsubscribe(url: str) -> dict[str, str]:
    """RFC 8058: a mail program's one-click unsubscribe POSTs to `url`, without a login."""
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
