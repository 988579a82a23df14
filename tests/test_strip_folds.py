from lxml import html

from declutter.html.strip import strip_tree

ANSWER = "Coverage depends on the plan you choose and the provider you pick for it. " * 3


def _page(panels: str) -> html.HtmlElement:
    return html.fromstring(
        f"<html><body><main><h1>Plans</h1><p>{ANSWER * 4}</p>{panels}</main></body></html>"
    )


def test_hidden_tab_panels_from_one_template_are_kept() -> None:
    panels = "".join(
        f'<div class="panel" style="display:none"><p>{n} {ANSWER}</p></div>' for n in ("A", "B")
    )
    text = strip_tree(_page(panels)).text_content()
    assert "A Coverage" in text and "B Coverage" in text


def test_a_lone_hidden_box_is_dropped() -> None:
    box = '<div class="panel" style="display:none"><p>Lone box text here. ' + ANSWER + "</p></div>"
    assert "Lone box" not in strip_tree(_page(box)).text_content()


def test_hidden_form_steps_are_dropped() -> None:
    panels = "".join(
        f'<div class="gform_page" style="display:none"><p>{n} {ANSWER}</p></div>' for n in "AB"
    )
    text = strip_tree(_page(panels)).text_content()
    assert "A Coverage" not in text and "B Coverage" not in text


def test_a_short_fold_beside_a_long_one_is_kept() -> None:
    """A guide's accordion: its last answer is a line or two beside the long ones."""
    panels = (
        f'<div class="acc-content" aria-hidden="true"><p>A {ANSWER}</p></div>'
        '<div class="acc-content" aria-hidden="true"><p>B Whether you ride to work or on'
        " trails, these picks suit every kind of rider.</p></div>"
    )
    text = strip_tree(_page(panels)).text_content()
    assert "A Coverage" in text and "B Whether" in text
