"""The semantic extra: guard, plumbing with a fake encoder, and a tiny random local model."""

from __future__ import annotations

import builtins

import numpy as np
import pytest

from quoteattr.linking.linker import link
from quoteattr.linking.semantic import Encoder, SemanticExtraMissing, semantic_edges
from quoteattr.model import AttributedDocument


def _doc(id, said, kind, name, date="2024-05-02"):
    text = f"{name} said {said}."
    s = text.index(said)
    return AttributedDocument.from_dict({"id": id, "text": text, "date": date,
        "quotes": [{"id": "q1", "kind": kind, "start": s, "end": s + len(said),
                    "content_spans": [[s, s + len(said)]], "entity": "e1"}],
        "entities": [{"id": "e1", "name": name, "type": "person"}]})


class _Topic:
    """A fake encoder: one axis per topic word found in the text."""

    TOPICS = ("harbour", "port", "school")

    def encode(self, texts):
        return np.array([[1.0, 0.0] if any(w in t for w in ("harbour", "port")) else [0.0, 1.0] for t in texts])


A = _doc("a", "that she would no longer back the harbour plan", "indirect", "Ana Ruiz")
B = _doc("b", "that she had withdrawn her support for the port scheme", "indirect", "Ana Ruiz", "2024-05-03")
C = _doc("c", "that the new port scheme deserved support", "indirect", "Tom Berg", "2024-05-03")


def test_paraphrase_sharing_few_words_links_only_with_the_extra():
    without = link([A, B])
    assert len(without.clusters) == 2
    with_extra = link([A, B], semantic=_Topic())
    assert len(with_extra.clusters) == 1
    assert {m.reason for m in with_extra.clusters[0].members} == {"canonical", "paraphrase"}


def test_extra_never_links_another_named_speaker():
    r = link([A, C], semantic=_Topic())
    assert len(r.clusters) == 2


def test_extra_respects_the_date_window():
    late = _doc("d", "that she had withdrawn her support for the port scheme", "indirect", "Ana Ruiz", "2024-08-30")
    assert len(link([A, late], semantic=_Topic()).clusters) == 2


def test_neighbours_cap_the_comparisons():
    emb = np.ones((30, 2), np.float32) / np.sqrt(2)
    a, b, _ = semantic_edges(emb, np.zeros(30, np.int64), np.arange(30), np.zeros(30, bool), 0, neighbours=3)
    assert len(a) == 27 + 28 + 29  # each row with the next three only
    assert int((b - a).max()) <= 3


def test_guard_without_sentence_transformers(monkeypatch):
    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):
        if name.startswith("sentence_transformers"):
            raise ImportError("no module")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(SemanticExtraMissing, match=r"quoteattr\[semantic\]"):
        Encoder("any-model")


def _tiny_model(folder):
    """A randomly initialised one-layer BERT with a word-piece vocabulary trained here."""
    torch = pytest.importorskip("torch")
    st = pytest.importorskip("sentence_transformers")
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, trainers
    from transformers import BertConfig, BertModel, BertTokenizerFast

    tok = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tok.normalizer = normalizers.BertNormalizer(lowercase=True)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    trainer = trainers.WordPieceTrainer(vocab_size=200, special_tokens=["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"])
    tok.train_from_iterator(["she would no longer back the harbour plan", "the port scheme support",
                             "schools stay open all winter"], trainer)
    fast = BertTokenizerFast(tokenizer_object=tok, unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]",
                             sep_token="[SEP]", mask_token="[MASK]")
    torch.manual_seed(0)
    cfg = BertConfig(vocab_size=fast.vocab_size, hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                     intermediate_size=32, max_position_embeddings=64)
    BertModel(cfg).save_pretrained(folder / "bert")
    fast.save_pretrained(folder / "bert")
    from sentence_transformers.models import Pooling, Transformer

    word = Transformer(str(folder / "bert"), max_seq_length=32)
    dim = getattr(word, "get_embedding_dimension", None) or word.get_word_embedding_dimension
    pool = Pooling(dim())
    st.SentenceTransformer(modules=[word, pool], device="cpu").save(str(folder / "st"))
    return str(folder / "st")


def test_tiny_local_model(tmp_path):
    path = _tiny_model(tmp_path)
    enc = Encoder(path)
    v = enc.encode(["the port scheme", "the port scheme", "schools stay open"])
    assert v.shape == (3, 16)
    assert np.allclose(v[0], v[1])
    # the plumbing runs end to end with a real model (its random vectors link nothing in particular)
    r = link([A, B, C], semantic=enc)
    assert sorted(m.doc for c in r.clusters for m in c.members) == ["a", "b", "c"]
