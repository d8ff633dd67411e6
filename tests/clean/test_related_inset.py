"""An inset "A lire aussi" inside the body drops only itself and the linked headline; at the end of the
page it still opens the related block, which is dropped with all that follows."""
from annales.clean import clean_text

BODY = ("Le Parlement du Ghana a adopté mardi une loi qui encadre l'exploitation des mines d'or artisanales "
        "dans les régions du Nord, après plusieurs semaines de débats animés entre les partis.")
AFTER = ("Deux jours plus tard, le ministre togolais des mines a salué ce texte au cours de sa conférence de presse "
         "à Lomé, en promettant une loi semblable avant la fin de l'année dans son propre pays.")


def test_inset_in_the_body_keeps_the_text_after_it() -> None:
    text = "\n\n".join([BODY, "A lire aussi", "Au Ghana, la ruée vers l'or inquiète les agriculteurs", AFTER])
    out, _ = clean_text(text)
    assert AFTER in out
    assert "ruée vers l'or" not in out
    assert "A lire aussi" not in out


def test_related_block_at_the_end_is_still_the_tail() -> None:
    text = "\n\n".join([BODY, AFTER, "A lire aussi", "Au Ghana, la ruée vers l'or inquiète les agriculteurs",
                        "Le Togo relance son cadastre minier"])
    out, _ = clean_text(text)
    assert AFTER in out
    assert "ruée vers l'or" not in out and "cadastre" not in out
