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


def _faq() -> str:
    return (
        "<h3><button aria-expanded='false' aria-controls='a1'>Shipping</button></h3>"
        "<div id='a1' hidden><p>A Ships within two days to any address.</p></div>"
        "<button aria-expanded='false' aria-controls='a2'>Can I cancel my plan?</button>"
        "<div id='a2' hidden><p>B Cancel at any time from your account.</p></div>"
        "<button type='submit'>Subscribe now</button>"
    )


def test_an_accordions_questions_stay_beside_their_answers() -> None:
    """On a page that folds its FAQ (keep_hidden), the buttons that open the answers hold the
    questions; a form's buttons are still dropped."""
    root = strip_tree(_page(_faq()), keep_hidden=True)
    text = root.text_content()
    assert "Can I cancel my plan?" in text
    assert root.xpath("string(//h3)") == "Shipping"
    assert "Subscribe now" not in text


def test_buttons_are_dropped_where_folds_are_not_read() -> None:
    text = strip_tree(_page(_faq())).text_content()
    assert "Can I cancel" not in text and "Shipping" not in text
