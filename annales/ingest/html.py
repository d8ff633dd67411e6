"""HTML pages: main text and metadata with trafilatura; HTML fragments (feed entries, JSON fields) to text."""
from __future__ import annotations

import re

from annales.errors import InputError
from annales.model import RawDocument

# Elements after which a paragraph ends when a fragment is flattened to text.
_BLOCKS = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section",
           "article", "header", "footer", "table", "tr", "figure", "figcaption", "pre"}
_MIN_WORDS = 8
_DROP = {"script", "style", "noscript", "template", "iframe", "svg", "button", "form"}

# Bounds on markup, applied before any parser sees a page or fragment (see ``tame``).
MAX_ATTRIBUTES = 1000  # per tag; libxml2 checks attribute names pairwise, so cost grows as n²
MAX_DEPTH = 200  # nested elements; libxml2 stops building the tree at 256 and the text below is lost
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)([^<>]*)>")
_QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'")  # attribute values: the words left are attribute names
# Elements that never nest (void) or whose end tag may be left out: they do not count for depth.
_FLAT = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
         "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup",
         "caption", "rb", "rt", "rtc", "rp", "html", "head", "body"}


def tame(markup: str) -> str:
    """``markup`` with bounded tags, in time linear in its length: a tag with more than
    ``MAX_ATTRIBUTES`` attributes keeps only its name, and elements nested deeper than ``MAX_DEPTH``
    lose their tags (their text stays, in place). Ordinary pages come back unchanged."""
    pieces: list[str] = []
    kept = 0  # end of the markup already copied to pieces
    depth = 0
    for match in _TAG.finditer(markup):
        closing, name, rest = match.group(1), match.group(2).lower(), match.group(3)
        selfclosing = rest.rstrip().endswith("/")
        drop = False
        if name not in _FLAT and not selfclosing:
            if closing:
                drop = depth > MAX_DEPTH
                depth = max(0, depth - 1)
            else:
                depth += 1
                drop = depth > MAX_DEPTH
        if drop:
            replacement = ""
        elif len(rest) > 2 * MAX_ATTRIBUTES and len(_QUOTED.sub(" ", rest).split()) > MAX_ATTRIBUTES:
            replacement = f"<{closing}{name}{'/' if selfclosing else ''}>"
        else:
            continue
        pieces.append(markup[kept:match.start()])
        pieces.append(replacement)
        kept = match.end()
    if not pieces:
        return markup
    pieces.append(markup[kept:])
    return "".join(pieces)


def looks_like_html(text: str) -> bool:
    """A string that carries markup (a feed entry or JSON field holding HTML)."""
    # [^<>] bounds each try to the next bracket: a text full of "<p" without ">" stays linear
    return bool(re.search(r"<(?:p|div|br|span|a|em|strong|h\d|ul|li|img|figure)\b[^<>]*>", text, re.IGNORECASE))


def html_to_text(fragment: str) -> str:
    """An HTML fragment -> plain text with one paragraph per block element."""
    import lxml.html

    if not fragment.strip():
        return ""
    fragment = tame(fragment)
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises several parser errors; a broken fragment is read as text
        return re.sub(r"<[^>]+>", " ", fragment)
    for element in list(root.iter()):
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _DROP and element.getparent() is not None:
            element.drop_tree()
        elif tag == "br":
            element.tail = "\n" + (element.tail or "")
        elif tag in _BLOCKS:
            element.tail = "\n\n" + (element.tail or "")
    return root.text_content()


def _truncated(page: str) -> bool:
    tail = page[-2000:].lower()
    return "</html>" not in tail and "</body>" not in tail


def read_html(page: str, doc_id: str, path: str | None) -> RawDocument:
    """The article in an HTML page; raises InputError when no article text can be found."""
    import trafilatura

    result = trafilatura.bare_extraction(
        tame(page),
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        # Dates only from the page's metadata and markup: a "© 2025" footer is not a date.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = getattr(result, "text", None) if result is not None else None
    # a menu or a footer is not an article: at least one line must read like a sentence
    if not text or not any(len(line.split()) >= _MIN_WORDS for line in text.splitlines()):
        if _truncated(page):
            raise InputError(
                f"{doc_id}: truncated HTML page (no closing </body> or </html>) with no article text "
                "before the cut; save the complete page again"
            )
        raise InputError(f"{doc_id}: no article text found in this HTML page; check that it is an article page")
    return RawDocument(
        id=doc_id,
        text=text,
        title=getattr(result, "title", None),
        published=getattr(result, "date", None),
        source=getattr(result, "sitename", None),
        url=getattr(result, "url", None),
        path=path,
        format="html",
    )
