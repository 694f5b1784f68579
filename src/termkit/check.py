"""``termkit check``: validate glossary files and report every problem at once.

Each check is a small function registered with :func:`rule`; its docstring is the
one-line description ``termkit check --list-rules`` prints.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from . import langtags
from .chinese import HALFWIDTH_IN_ZH, has_han, is_fullwidth_ascii, simplified_chars, traditional_chars
from .errors import Diagnostic, GlossaryError, Severity, TermkitError
from .glossary_file import GlossaryFile, duplicate_ids, glossary_paths, read_glossary_file
from .model import ZH, ZH_HANT, Concept, ReviewStatus, Term, TermStatus, serving_terms, told_apart

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$")
INVISIBLE = {
    "\u200b": "ZERO WIDTH SPACE",
    "\u200c": "ZERO WIDTH NON-JOINER",
    "\u200d": "ZERO WIDTH JOINER",
    "\u2060": "WORD JOINER",
    "\ufeff": "ZERO WIDTH NO-BREAK SPACE",
    "\u00ad": "SOFT HYPHEN",
}
#: C0 and C1 control characters, and U+FFFE, U+FFFF: what no XML file can hold (with
#: lone surrogates, which no glossary file can give)
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ufffe\uffff]")
ODD_SPACES = {
    "\u00a0": "NO-BREAK SPACE",
    "\u3000": "IDEOGRAPHIC SPACE",
    "\u2009": "THIN SPACE",
    "\u202f": "NARROW NO-BREAK SPACE",
    "\t": "TAB",
}


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    description: str


RULES: dict[str, Rule] = {}

#: Rules reported by the reader itself (syntax and schema), documented here.
_READER_RULES = {
    "syntax": (Severity.ERROR, "The file is not valid YAML or not shaped like a glossary."),
    "unknown-field": (Severity.ERROR, "A key the glossary format does not know (kept nowhere, so refused)."),
    "invalid-status": (Severity.ERROR, "A status value outside the allowed set."),
    "invalid-value": (Severity.ERROR, "A value of the wrong type (a number where text is expected...)."),
    "missing-field": (
        Severity.ERROR,
        "A required key is missing (a term without text, a source without document).",
    ),
    "comment-in-value": (
        Severity.WARNING,
        "A text value cut short by YAML at ' #' glued to more text ('issue #3'): the rest became a comment.",
    ),
}
for _rid, (_sev, _desc) in _READER_RULES.items():
    RULES[_rid] = Rule(_rid, _sev, _desc)

ConceptCheck = Callable[[Concept, str], Iterator[tuple[int, int, str, str | None]]]
_CONCEPT_CHECKS: list[tuple[Rule, ConceptCheck]] = []


def rule(rule_id: str, severity: Severity) -> Callable[[ConceptCheck], ConceptCheck]:
    """Register a per-concept check; it yields ``(line, column, message, matched)``."""

    def register(func: ConceptCheck) -> ConceptCheck:
        doc = (func.__doc__ or "").strip().splitlines()[0]
        r = Rule(rule_id, severity, doc)
        RULES[rule_id] = r
        _CONCEPT_CHECKS.append((r, func))
        return func

    return register


def _concept_pos(c: Concept) -> tuple[int, int]:
    return (c.location.line, c.location.column) if c.location else (1, 1)


def _term_pos(c: Concept, t: Term) -> tuple[int, int]:
    return (t.location.line, t.location.column) if t.location else _concept_pos(c)


def _field_pos(c: Concept, key: str, t: Term | None = None) -> tuple[int, int]:
    """Where the value of field ``key`` of a concept (or of its term ``t``) was read."""
    loc = (t if t is not None else c).field_locations.get(key)
    if loc is not None:
        return (loc.line, loc.column)
    return _term_pos(c, t) if t is not None else _concept_pos(c)


def _all_terms(c: Concept) -> Iterator[tuple[str, Term]]:
    for lang, terms in c.terms.items():
        for t in terms:
            yield lang, t


@rule("invalid-id", Severity.ERROR)
def check_id(c: Concept, path: str) -> Iterator[tuple[int, int, str, str | None]]:
    """A concept id is a readable slug: lower-case letters, digits, '-' or '.'."""
    if not ID_PATTERN.match(c.id):
        suggestion = re.sub(r"[^a-z0-9]+", "-", c.id.lower()).strip("-") or "concept"
        yield (*_concept_pos(c), f"concept id '{c.id}' is not a slug; use '{suggestion}'", c.id)


@rule("invalid-language", Severity.ERROR)
def check_languages(c: Concept, path: str) -> Iterator[tuple[int, int, str, str | None]]:
    """Language tags are BCP 47, written canonically (zh-CN, not zh_CN, zh-cn or zho-CN)."""
    for lang, terms in c.terms.items():
        pos = _term_pos(c, terms[0]) if terms else _concept_pos(c)
        if not langtags.is_valid(lang):
            yield (*pos, f"'{lang}' is not a language tag (use en, zh-CN...)", lang)
        elif not langtags.is_canonical(lang):
            yield (*pos, f"non-canonical language tag '{lang}'; write '{langtags.canonical(lang)}'", lang)


@rule("preferred-count", Severity.ERROR)
def check_preferred(c: Concept, path: str) -> Iterator[tuple[int, int, str, str | None]]:
    """An approved concept has no preferred term in a language, or more than one (it needs exactly one)."""
    if c.status is not ReviewStatus.APPROVED:
        return
    for lang, terms in c.terms.items():
        preferred = [t for t in terms if t.status is TermStatus.PREFERRED]
        if len({langtags.chinese_script(lang, t.text) for t in preferred}) > 1:
            # (a bare zh holds each script's terms apart, by their characters: a preferred
            # 雨露计划 and a preferred 雨露計劃 are its zh-CN and its zh-Hant term, each one)
            preferred = _most_of_one_script(lang, preferred)
        if len(preferred) > 1:
            yield (
                *_term_pos(c, preferred[1]),
                f"{len(preferred)} preferred '{lang}' terms in '{c.id}'; keep one, mark the others admitted",
                preferred[1].text,
            )
        elif not preferred and terms:
            yield (*_term_pos(c, terms[0]), f"no preferred '{lang}' term in approved concept '{c.id}'", None)
    for written in (ZH, ZH_HANT):
        # (zh-CN and zh-Hans, or zh-Hant and a Traditional bare zh, are one written
        # language: an export takes both as its zh-CN or zh-Hant terms, serving_terms)
        preferred_of = [(tag, t) for tag, t in serving_terms(c, written) if t.status is TermStatus.PREFERRED]
        if len({tag for tag, _ in preferred_of}) > 1:
            first_tag = preferred_of[0][0]
            tag, second = next((tag, t) for tag, t in preferred_of if tag != first_tag)
            yield (
                *_term_pos(c, second),
                f"preferred '{first_tag}' and '{tag}' terms in '{c.id}' are both its {written} term; "
                "keep one, mark the other admitted",
                second.text,
            )


def _most_of_one_script(lang: str, terms: list[Term]) -> list[Term]:
    """The terms of ``terms`` (under a bare Chinese ``lang``) of the script that has the
    most of them, the first script on a tie: those that compete for one preferred term."""
    by_script: dict[str | None, list[Term]] = {}
    for t in terms:
        by_script.setdefault(langtags.chinese_script(lang, t.text), []).append(t)
    return max(by_script.values(), key=len)


@rule("missing-zh", Severity.ERROR)
def check_missing_zh(c: Concept, path: str) -> Iterator[tuple[int, int, str, str | None]]:
    """An approved concept has no preferred zh-CN term (every approved concept needs one)."""
    # (a term under zh-Hans, zh-Hans-CN or a bare zh in Simplified characters is one too:
    # the export gives it as the zh-CN term, serving_terms)
    if c.status is ReviewStatus.APPROVED and not any(
        t.status is TermStatus.PREFERRED for _, t in serving_terms(c, ZH)
    ):
        yield (
            *_concept_pos(c),
            f"approved concept '{c.id}' has no preferred zh-CN term; add one or mark it proposed",
            None,
        )


@rule("no-terms", Severity.WARNING)
def check_no_terms(c: Concept, path: str) -> Iterator[tuple[int, int, str, str | None]]:
    """A concept without any term is of no use to lint or export."""
    if not any(c.terms.values()):
        yield (*_concept_pos(c), f"concept '{c.id}' has no terms", None)


@rule("duplicate-term", Severity.ERROR)
def check_duplicate_term(c: Concept, path: str) -> Iterator[tuple[int, int, str, str | None]]:
    """The same term text appears twice in one language of a concept."""
    for lang, terms in c.terms.items():
        seen: set[str] = set()
        for t in terms:
            if t.text in seen:
                yield (*_term_pos(c, t), f"'{t.text}' is listed twice under '{lang}'", t.text)
            seen.add(t.text)
    for written in (ZH, ZH_HANT):
        # the same term under zh-CN and zh-Hans (or zh-Hant and zh) is listed twice too
        tag_of: dict[str, str] = {}
        for tag, t in serving_terms(c, written):
            first = tag_of.setdefault(t.text, tag)
            if first != tag:
                yield (
                    *_term_pos(c, t),
                    f"'{t.text}' is listed under '{first}' and '{tag}'; keep one",
                    t.text,
                )


@rule("whitespace", Severity.ERROR)
def check_whitespace(c: Concept, path: str) -> Iterator[tuple[int, int, str, str | None]]:
    """Leading, trailing or doubled spaces, and odd spaces (NBSP, ideographic space, tab) in a term."""
    for _lang, t in _all_terms(c):
        if t.text != t.text.strip():
            yield (*_term_pos(c, t), f"leading or trailing space in '{t.text}'", t.text)
        if "  " in t.text:
            yield (*_term_pos(c, t), f"doubled space in '{t.text}'", t.text)
        for ch, name in ODD_SPACES.items():
            if ch in t.text:
                yield (*_term_pos(c, t), f"{name} (U+{ord(ch):04X}) in '{t.text}'; use a plain space", t.text)


@rule("subject-whitespace", Severity.WARNING)
def check_subject_whitespace(c: Concept, path: str) -> Iterator[tuple[int, int, str, str | None]]:
    """A subject field that is blank, or has leading, trailing or doubled spaces (TBX and OmegaT exports carry it as written)."""
    subject = c.subject
    if subject is None:
        return
    tidy = " ".join(subject.split())
    if not tidy:
        yield (
            *_field_pos(c, "subject"),
            f"blank subject {subject!r}; give the subject or delete the key",
            subject,
        )
    elif tidy != subject:
        yield (
            *_field_pos(c, "subject"),
            f"spaces around or inside the subject {subject!r}; write '{tidy}'",
            subject,
        )


@rule("invisible-char", Severity.ERROR)
def check_invisible(c: Concept, path: str) -> Iterator[tuple[int, int, str, str | None]]:
    """Zero-width and other invisible characters in a term."""
    for _lang, t in _all_terms(c):
        for ch, name in INVISIBLE.items():
            if ch in t.text:
                yield (*_term_pos(c, t), f"{name} (U+{ord(ch):04X}) in {t.text!r}; delete it", t.text)


@rule("control-char", Severity.ERROR)
def check_control(c: Concept, path: str) -> Iterator[tuple[int, int, str, str | None]]:
    """Control characters (U+0000-001F, U+007F-009F), U+FFFE or U+FFFF in any text of a concept: XML cannot hold them."""
    # (a term is one line: a line break in it is reported too; a tab is "whitespace"'s)
    # multi-line fields may hold line breaks (LF: a file's CR is read as LF), one-line
    # fields (a section, a subject, a part of speech) none: "34\r" is no section
    texts = [(_term_pos(c, t), t.text, "\t") for _lang, t in _all_terms(c)]
    for _lang, t in _all_terms(c):
        if t.note:
            texts.append((_field_pos(c, "note", t), t.note, "\t\n"))
        if t.pos:
            texts.append((_field_pos(c, "pos", t), t.pos, "\t"))
        texts += [(_field_pos(c, "evidence", t), text, "\t\n") for text in t.evidence]
    fields = (
        ("definition", c.definition, "\t\n"),
        ("note", c.note, "\t\n"),
        ("subject", c.subject, "\t"),
        ("provenance", c.provenance, "\t\n"),
    )
    texts += [(_field_pos(c, key), text, allowed) for key, text, allowed in fields if text]
    for source in c.sources:
        texts += [
            (_field_pos(c, "sources"), text, "\t") for text in (source.document, source.section) if text
        ]
    for pos, text, allowed in texts:
        for ch in dict.fromkeys(CONTROL.findall(text)):
            if ch not in allowed:
                kind = "control character" if unicodedata.category(ch) == "Cc" else "character"
                yield (*pos, f"{kind} U+{ord(ch):04X} in {text!r}; delete it", text)


@rule("zh-halfwidth-punct", Severity.ERROR)
def check_zh_punct(c: Concept, path: str) -> Iterator[tuple[int, int, str, str | None]]:
    """Half-width punctuation inside a Chinese term (write （）， not (),)."""
    for lang, t in _all_terms(c):
        if langtags.primary(lang) != "zh" or not has_han(t.text):
            continue
        for ch, full in HALFWIDTH_IN_ZH.items():
            if ch in t.text:
                yield (
                    *_term_pos(c, t),
                    f"half-width '{ch}' in Chinese term '{t.text}'; write '{full}'",
                    t.text,
                )


@rule("en-fullwidth", Severity.ERROR)
def check_en_fullwidth(c: Concept, path: str) -> Iterator[tuple[int, int, str, str | None]]:
    """Full-width letters or digits inside an English term."""
    for lang, t in _all_terms(c):
        if langtags.primary(lang) != "en":
            continue
        bad = sorted({ch for ch in t.text if is_fullwidth_ascii(ch)})
        if bad:
            yield (*_term_pos(c, t), f"full-width {''.join(bad)!r} in English term '{t.text}'", t.text)


@rule("zh-traditional", Severity.ERROR)
def check_traditional(c: Concept, path: str) -> Iterator[tuple[int, int, str, str | None]]:
    """Traditional characters inside a Simplified term (zh-CN, zh-SG, zh-MY, zh-Hans)."""
    for lang, t in _all_terms(c):
        if langtags.han_script(lang) != langtags.SIMPLIFIED:  # zh-CN, zh-SG, zh-MY, zh-Hans, yue-Hans...
            continue
        chars = traditional_chars(t.text)
        if chars:
            from .chinese import to_simplified

            yield (
                *_term_pos(c, t),
                f"Traditional {''.join(chars)!r} in {lang} term '{t.text}'; write '{to_simplified(t.text)}'",
                t.text,
            )


@rule("zh-simplified", Severity.WARNING)
def check_simplified(c: Concept, path: str) -> Iterator[tuple[int, int, str, str | None]]:
    """Simplified characters inside a Traditional term (zh-Hant, zh-TW, zh-HK, zh-MO)."""
    for lang, t in _all_terms(c):
        if langtags.han_script(lang) != langtags.TRADITIONAL:  # zh-Hant, zh-TW, zh-HK, zh-MO, yue-Hant...
            continue
        chars = simplified_chars(t.text, hong_kong=langtags.region(lang) in ("HK", "MO"))
        if chars:
            fixed = dict(chars)
            written = "".join(fixed.get(ch, ch) for ch in t.text)
            yield (
                *_term_pos(c, t),
                f"Simplified {''.join(fixed)!r} in {lang} term '{t.text}'; write '{written}'",
                t.text,
            )


def _global_checks(files: list[GlossaryFile]) -> Iterator[Diagnostic]:
    """Checks across concepts and files: duplicate ids, shared preferred English terms."""
    by_pref: dict[str, list[tuple[str, Concept, Term]]] = defaultdict(list)
    for gfile in files:
        for c in gfile.concepts:
            if c.status is ReviewStatus.REJECTED:
                continue
            for t in c.terms_in("en"):
                if t.status is TermStatus.PREFERRED:
                    by_pref[t.text.casefold()].append((gfile.path, c, t))
    by_text: dict[tuple[str, str], list[tuple[str, Concept, Term]]] = defaultdict(list)
    for gfile in files:
        for c in gfile.concepts:
            if c.status is not ReviewStatus.REJECTED:
                for lang, t in _all_terms(c):
                    by_text[(lang, t.text.casefold())].append((gfile.path, c, t))
    for (lang, _text), uses in by_text.items():
        ids = list(dict.fromkeys(c.id for _, c, _ in uses))
        if len(ids) < 2 or (all(t.status is TermStatus.PREFERRED for _, _, t in uses) and lang == "en"):
            continue  # two preferred English terms are reported by _shared_preferred
        first_path, first_c, _ = uses[0]
        for path, c, t in uses[1:]:
            if c.id == first_c.id:
                continue
            line, col = _term_pos(c, t)
            yield Diagnostic(
                path,
                line,
                col,
                Severity.WARNING,
                f"'{t.text}' ({lang}) is also a term of '{first_c.id}' ({first_path}); "
                "lint cannot tell which concept a text means",
                "ambiguous-term",
                concept=c.id,
                matched=t.text,
            )
    yield from duplicate_ids(files)
    for uses in by_pref.values():
        yield from _shared_preferred(uses)


def _shared_preferred(uses: list[tuple[str, Concept, Term]]) -> Iterator[Diagnostic]:
    """Concepts that share a preferred English term: an error (``duplicate-preferred``)
    unless their subject fields tell them apart; homographs that they do tell apart
    are a warning (``ambiguous-term``: lint cannot tell which one a text means)."""
    for i, (path, c, t) in enumerate(uses):
        earlier = [(p, other) for p, other, _ in uses[:i] if other.id != c.id]
        if not earlier:
            continue
        clash = next(((p, other) for p, other in earlier if not told_apart(other, c)), None)
        line, col = _term_pos(c, t)
        if clash is None:
            first_path, first = earlier[0]
            yield Diagnostic(
                path,
                line,
                col,
                Severity.WARNING,
                f"'{t.text}' (en) is also the preferred term of '{first.id}' ({first_path}), a homograph "
                f"told apart by subject ('{c.subject}', '{first.subject}'); "
                "lint cannot tell which concept a text means",
                "ambiguous-term",
                concept=c.id,
                matched=t.text,
            )
            continue
        first_path, first = clash
        if c.subject and first.subject:
            why = f" with the same subject '{c.subject}'"
        elif c.subject or first.subject:
            why = " and only one of them has a subject"
        else:
            why = " and neither has a subject"
        yield Diagnostic(
            path,
            line,
            col,
            Severity.ERROR,
            f"preferred English term '{t.text}' is also preferred in '{first.id}' ({first_path}){why}; "
            "if they are one concept, merge them; if they are homographs, give each a subject "
            "that tells them apart",
            "duplicate-preferred",
            concept=c.id,
            matched=t.text,
        )


RULES["duplicate-id"] = Rule(
    "duplicate-id", Severity.ERROR, "A concept id is used twice (in one file or across files)."
)
RULES["ambiguous-term"] = Rule(
    "ambiguous-term",
    Severity.WARNING,
    "The same term (any status) belongs to two concepts of one language (homographs told apart by subject too).",
)
RULES["duplicate-preferred"] = Rule(
    "duplicate-preferred",
    Severity.ERROR,
    "Two concepts share a preferred English term and their subjects do not tell them apart"
    " (homographs need different subjects).",
)


def check_files(files: list[GlossaryFile]) -> list[Diagnostic]:
    """Every diagnostic for the given (already read) files, sorted by location."""
    out: list[Diagnostic] = []
    for gfile in files:
        out.extend(gfile.diagnostics)
        for c in gfile.concepts:
            for r, func in _CONCEPT_CHECKS:
                for line, col, message, matched in func(c, gfile.path):
                    out.append(
                        Diagnostic(
                            gfile.path, line, col, r.severity, message, r.id, concept=c.id, matched=matched
                        )
                    )
    out.extend(_global_checks(files))
    return sorted(out, key=Diagnostic.sort_key)


def refuse_errors(files: list[GlossaryFile], advice: str) -> None:
    """Raise the first error (by location; a warning is none) that ``termkit check``
    finds in ``files``, with ``advice``: termkit never rewrites a file with errors."""
    error = next((d for d in check_files(files) if d.severity is Severity.ERROR), None)
    if error is not None:
        raise GlossaryError(
            f"{error.message} [{error.rule}]; {advice} (see termkit check)",
            error.path,
            error.line,
            error.column,
        )


def check_paths(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[GlossaryFile], list[Diagnostic]]:
    """Read and check glossary files; unreadable files become diagnostics too."""
    files: list[GlossaryFile] = []
    fatal: list[Diagnostic] = []
    for path in glossary_paths(paths):
        try:
            files.append(read_glossary_file(path))
        except TermkitError as exc:
            fatal.append(
                Diagnostic(
                    exc.path or path,
                    exc.line or 1,
                    exc.column or 1,
                    Severity.ERROR,
                    exc.message,
                    exc.rule or "syntax",
                )
            )
    diags = sorted(fatal + check_files(files), key=Diagnostic.sort_key)
    return files, diags
