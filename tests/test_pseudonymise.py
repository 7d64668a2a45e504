"""Pseudonymisation at the door and the vault (no database needed)."""
import os
import stat

import pytest

from ingest.pseudonymise import identifying_spans, mask, name_spans, normalised_identifiers, protect
from ingest.readers import Record
from access.vault import Vault, VaultError
from tests import testimony_files as tf


@pytest.fixture
def vault(tmp_path):
    return Vault(tmp_path / "vault")


def record(text: str, identity: dict | None = None, source_type: str = "intake_form") -> Record:
    return Record("test", text, source_type, text.encode() + repr(identity).encode(), identity=identity or {})


def test_mask_keeps_every_offset():
    text = "Майор Ломейко ударил Ядвигу Лапицкую у дома."
    masked = mask(text, [(21, 27), (28, 36), (25, 30)])
    assert len(masked) == len(text) and masked.index("у дома") == text.index("у дома")
    assert masked == "Майор Ломейко ударил [·············] у дома."


def test_every_identifier_in_the_text_is_masked_and_officials_are_not():
    text = ("Меня зовут Ядвига Лапицкая, 1994-03-02, живу: ул. Ложинская, д. 5, кв. 17, телефон 80291550101, "
            "почта jadwiga.l@example.org, телеграм @jadwiga_l, паспорт MP 7654321, личный номер 3020394A001PB1. "
            "Лапицкую задержали, майор Ломейко бил Ядвигу. Я родилась 2 марта 1994 года.")
    masked = mask(text, identifying_spans(text, tf.IDENTITY))
    for secret in ("Ядвиг", "Лапицк", "Ложинская", "80291550101", "jadwiga", "7654321", "3020394A001PB1",
                   "1994-03-02", "2 марта 1994"):
        assert secret not in masked, secret
    assert "майор Ломейко бил" in masked and "задержали" in masked


def test_self_introduction_without_a_form_is_masked(vault):
    for text in ("Меня зовут Зміцер Галушка. Змiцера били.", "Мяне завуць Алесь Верабей. Верабея білі.",
                 "My name is Tomas Verbel and Verbel was beaten."):
        protected = protect(record(text, source_type="document"), vault)
        assert not any(w in protected.text for w in ("Галушк", "Верабе", "Verbel", "Алесь", "Tomas"))
        assert protected.pseudonym and protected.pseudonym.startswith("V-")


def test_name_forms_across_scripts():
    text = "Алеся Вербель, Alesia Verbel, Вербеля и Лапицкую видели, Вербицкого нет."
    assert [text[s:e] for s, e in name_spans(text, "Alesia Verbel")] == ["Алеся", "Вербель", "Alesia", "Verbel",
                                                                         "Вербеля"]
    assert [text[s:e] for s, e in name_spans(text, "Ядвига Лапицкая")] == ["Лапицкую"]


def test_one_person_one_pseudonym_across_identifiers(vault):
    first = protect(record("a", {"phone": "+375 29 155-01-01", "email": "j@example.org"}), vault).pseudonym
    by_email = protect(record("b", {"email": "J@Example.org"}), vault).pseudonym
    by_local_phone = protect(record("c", {"phone": "8 029 155 01 01"}), vault).pseudonym
    someone_else = protect(record("d", {"phone": "+375 29 155-01-02"}), vault).pseudonym
    assert first == by_email == by_local_phone != someone_else


def test_a_given_name_alone_identifies_no_one(vault):
    assert normalised_identifiers({"name": "Алеся"}) == []
    one = protect(record("Меня зовут Алеся.", {"name": "Алеся"}), vault)
    other = protect(record("Меня зовут Алеся. Другая.", {"name": "Алеся"}), vault)
    assert one.pseudonym != other.pseudonym  # forms without identifiers: one pseudonym per testimony
    assert protect(record("Новости.", source_type="document"), vault).pseudonym is None


def test_pseudonyms_depend_on_the_secret_key(tmp_path):
    identity = {"email": "j@example.org"}
    assert protect(record("a", identity), Vault(tmp_path / "one")).pseudonym != \
        protect(record("a", identity), Vault(tmp_path / "two")).pseudonym


def test_vault_files_are_private_and_tampering_is_detected(vault):
    vault.store("ab" * 32, {"identity": tf.IDENTITY})
    assert vault.load("ab" * 32) == {"identity": tf.IDENTITY}
    assert stat.S_IMODE(os.stat(vault.directory / "master.key").st_mode) == 0o600
    assert stat.S_IMODE(os.stat(vault.directory).st_mode) == 0o700
    sealed = vault.directory / "store" / f"{'ab' * 32}.bin"
    assert "Лапицкая".encode() not in sealed.read_bytes()
    data = bytearray(sealed.read_bytes())
    data[-1] ^= 1
    sealed.write_bytes(bytes(data))
    with pytest.raises(VaultError, match="fails authentication"):
        vault.load("ab" * 32)
