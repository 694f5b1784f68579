"""Merge imported concepts into the glossary files (``termkit import``).

Rules (``docs/exchange.md``):

* an imported concept is matched to a glossary concept by id, else by its
  preferred English term, which must be one of the English terms of exactly
  one glossary concept (compared case-insensitively) whose subject field does
  not conflict with its own (the same, or one of them unset): homographs, which
  subjects tell apart, stay apart (:func:`termkit.model.told_apart`); of several
  concepts with the term, the one with the same subject, else the one with one
  of its Chinese (non-English) terms;
* an id the reader made up (:attr:`~termkit.model.Concept.made_up_id`: the
  file carries none, as an OmegaT glossary) is not matched, unless the concept
  has no English term (``term-<hash>`` of its first term is then all there is);
* unmatched concepts are added to the ``--into`` file; their id is the imported
  id when it is a free slug, else a slug of their English term;
* approved data is never overwritten, whatever the file or ``--status`` says:
  an approved concept keeps its status, fields and terms (empty fields stay
  empty); new terms are added to it marked ``review: proposed``; what the file
  says differently is reported (:attr:`ImportReport.not_imported`);
* a proposed concept gets empty fields filled and new terms added; with
  ``--status approved`` (and an approved status in the file, where it carries
  one) it becomes approved; a field or term note it already has keeps its
  value, and what the file says differently is reported as for an approved
  concept;
* a new term never becomes a second preferred term: it is added as admitted;
* rejected concepts are left alone;
* with ``--status proposed`` (the default) everything new is proposed;
* language tags are normalised, ``en-US``/``en-GB`` count as ``en`` and
  ``zh``, ``zh-Hans``, ``zh-Hans-CN`` as ``zh-CN``; a glossary concept's terms
  under a tag of the same written language (its zh-Hans, zh-Hans-CN or
  Simplified bare ``zh`` terms for zh-CN, as an export takes them:
  :func:`_glossary_tags`) are the same terms, and a new one is added beside them;
  regional tags (zh-SG, zh-TW, zh-HK) are only themselves;
* a ``glossary_dir`` that does not exist is an error (a mistyped ``--glossary``
  would match nothing and add every concept again), unless ``into`` is inside
  it: the import starts that glossary;
* the merged glossary is checked, with the other glossary files of the folder
  ``into`` is in (only checked against, never matched or written): if the
  import would add a ``termkit check`` error, nothing is written and the error
  is reported at the entry of the imported file that brings it;
* files are rewritten canonically and atomically, reviewers' comments kept.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .check import check_files
from .errors import Diagnostic, GlossaryError, InputError, Severity, TermkitError, count
from .exchange import Imported, term_language
from .formats.glossary_ids import is_hashed, is_slug, slug, unique
from .glossary_file import (
    GlossaryFile,
    format_glossary_file,
    is_glossary_name,
    load_glossary,
    open_or_new,
    read_glossary_file,
    write_glossary_file,
)
from .model import (
    EN,
    ZH,
    ZH_HANT,
    Concept,
    Location,
    ReviewStatus,
    Term,
    TermStatus,
    serving_terms,
    subject_key,
    told_apart,
)


@dataclass
class ImportReport:
    """What an import did (or would do, with ``dry_run``)."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    terms_added: int = 0
    written: list[str] = field(default_factory=list)
    #: What the file said about concepts and was not imported, by concept id.
    not_imported: dict[str, list[str]] = field(default_factory=dict)
    #: Ids of the concepts in :attr:`not_imported` that were approved in the glossary.
    approved: set[str] = field(default_factory=set)

    def kept(self, concept_id: str) -> str | None:
        """Why part of the file was not imported into a concept, if it was not."""
        ignored = self.not_imported.get(concept_id)
        if not ignored:
            return None
        if concept_id in self.approved:
            why = "approved in the glossary"
        elif concept_id in self.added:  # (two entries of the file, one concept)
            why = "set differently by an earlier entry of the file"
        else:
            why = "set differently in the glossary"
        return f"{why}; not imported: {', '.join(ignored)}"

    def summary(self) -> str:
        parts = [
            f"{len(self.added)} added",
            f"{len(self.updated)} updated",
            f"{len(self.unchanged)} unchanged",
        ]
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped")
        return f"{', '.join(parts)}; {count(self.terms_added, 'new term')}"


class _Index:
    def __init__(self, files: list[GlossaryFile]) -> None:
        self.by_id: dict[str, Concept] = {}
        self.by_en: dict[str, list[Concept]] = {}
        for gfile in files:
            for concept in gfile.concepts:
                self.add(concept)

    def add(self, concept: Concept) -> None:
        self.by_id.setdefault(concept.id, concept)
        for term in concept.terms_in(EN):
            found = self.by_en.setdefault(term.text.casefold(), [])
            if concept not in found:
                found.append(concept)

    def match(self, concept: Concept) -> Concept | None:
        """The glossary concept ``concept`` is: by id, else by English term and subject.

        An id a reader made up (:attr:`Concept.made_up_id`: ``comment`` for an OmegaT
        line of that source term) names no glossary concept and is never matched,
        unless the concept has no English term: then the id, made up from its first
        term (``term-90fa7b40`` for 易地搬迁), is all there is to match by (the concept
        added by an earlier import of the same row has it).
        """
        pref = concept.preferred(EN)
        if (pref is None or not concept.made_up_id) and concept.id in self.by_id:
            return self.by_id[concept.id]
        if pref is None:
            return None
        found = self.by_en.get(pref.text.casefold(), [])
        return _by_subject(concept, found)


def _by_subject(concept: Concept, found: list[Concept]) -> Concept | None:
    """The one of ``found`` (the concepts with ``concept``'s preferred English term) that
    ``concept`` is, by subject field: homographs, which subjects tell apart, are not one
    concept.  Of those whose subject does not conflict (the same, or one of the two
    unset), the only one, else the only one with the same subject, else (an entry
    without a subject among homographs: an OmegaT line) the only one that has one of
    its translations; else None (a new concept)."""
    fits = [c for c in found if not told_apart(c, concept)]
    if len(fits) == 1:
        return fits[0]
    key = subject_key(concept.subject)
    same = [c for c in fits if key and subject_key(c.subject) == key]
    if len(same) == 1:
        return same[0]
    sharing = [c for c in same or fits if _shares_a_translation(c, concept)]
    return sharing[0] if len(sharing) == 1 else None


def _shares_a_translation(a: Concept, b: Concept) -> bool:
    """Whether glossary concept ``a`` and imported concept ``b`` have a term of a language
    other than English in common (a zh-CN term of ``b`` among ``a``'s zh-Hans ones too)."""
    return any(
        t.text == u.text
        for lang in b.languages()
        if lang != EN
        for u in b.terms_in(lang)
        for t in _glossary_terms(a, lang)
    )


def _glossary_tags(concept: Concept, lang: str) -> list[str]:
    """The tags of glossary ``concept`` whose terms are its terms of ``lang``, the tag of
    an imported term (:func:`~termkit.exchange.term_language`): ``lang`` itself, and for
    zh-CN and zh-Hant the tags of the same written language an export takes as them
    (:func:`~termkit.model.serving_terms`: zh-Hans-CN, zh-Hans, a bare ``zh`` in that
    script); a regional tag (zh-SG, zh-TW, zh-HK) and any other language only itself."""
    if lang in (ZH, ZH_HANT):
        return list(dict.fromkeys(tag for tag, _ in serving_terms(concept, lang)))
    return [lang] if concept.terms_in(lang) else []


def _glossary_terms(concept: Concept, lang: str) -> list[Term]:
    """The terms of glossary ``concept`` that are its ``lang`` terms (:func:`_glossary_tags`;
    of a bare ``zh``, those in ``lang``'s script only)."""
    if lang in (ZH, ZH_HANT):
        return [t for _, t in serving_terms(concept, lang)]
    return concept.terms_in(lang)


def import_concepts(
    incoming: Imported,
    into: str | os.PathLike[str],
    glossary_dir: str | os.PathLike[str] | None = "glossary",
    status: ReviewStatus = ReviewStatus.PROPOSED,
    dry_run: bool = False,
) -> ImportReport:
    """Merge ``incoming`` into the glossary; write the changed files unless ``dry_run``."""
    if status not in (ReviewStatus.PROPOSED, ReviewStatus.APPROVED):
        raise GlossaryError(f"--status must be proposed or approved, not {status.value}")
    target_path = os.fspath(into)
    files: list[GlossaryFile] = []
    if glossary_dir is not None:
        if Path(glossary_dir).exists() or os.fspath(glossary_dir) == "-":
            # (importing may start an empty glossary folder; "-" is refused as no glossary)
            _glossary, files = load_glossary([glossary_dir], allow_empty=True)
        elif not _inside(target_path, os.fspath(glossary_dir)):
            # a mistyped --glossary would match nothing and add every concept again
            raise InputError(
                "no such file or folder; name the glossary folder with --glossary (an import "
                f"starts a new one only when --into is inside it: {target_path} is not); nothing was written",
                os.fspath(glossary_dir),
            )
    target = next((f for f in files if _same_file(f.path, target_path)), None)
    if target is None:
        target = open_or_new(target_path)
        files.append(target)
    neighbours = _neighbours(target_path, files)
    original = {f.path: format_glossary_file(f) for f in files}
    before_errors = [d for d in check_files(neighbours + files) if d.severity is Severity.ERROR]
    before = {_key(d) for d in before_errors}

    report = ImportReport()
    index = _Index(files)
    taken = {c.id for f in files for c in f.concepts}
    origins: dict[str, list[_Origin]] = {}
    for concept in incoming.glossary:
        concept = _normalised(concept)
        origin = _Origin(concept.id, concept.location, _term_locations(concept))
        match = index.match(concept)
        origins.setdefault(concept.id if match is None else match.id, []).append(origin)
        if match is None:
            added = _new_concept(concept, incoming.has_status, status, taken)
            target.concepts.append(added)
            taken.add(added.id)
            if added.id != origin.id:
                origins.setdefault(added.id, []).append(origins[origin.id].pop())
            index.add(added)
            report.added.append(added.id)
            report.terms_added += sum(len(t) for t in added.terms.values())
        elif match.status is ReviewStatus.REJECTED:
            report.skipped.append((match.id, "rejected in the glossary"))
        else:
            before_merge = _fingerprint(match)
            was_approved = match.status is ReviewStatus.APPROVED
            terms_added, ignored = _merge(match, concept, incoming.has_status, status)
            report.terms_added += terms_added
            if ignored:
                kept = report.not_imported.setdefault(match.id, [])
                kept.extend(i for i in ignored if i not in kept)
                if was_approved:
                    report.approved.add(match.id)
            changed = _fingerprint(match) != before_merge
            (report.updated if changed else report.unchanged).append(match.id)

    after = [
        d for d in check_files(neighbours + files) if d.severity is Severity.ERROR and _key(d) not in before
    ]
    if after:
        raise _check_failure(after, origins, incoming.path)
    # a concept new to the glossary is added once, whatever later entries of the file
    # that match it (the same concept again) bring: it is reported once, as added
    new = set(report.added)
    report.updated = [c for c in dict.fromkeys(report.updated) if c not in new]
    untouched = [c for c in dict.fromkeys(report.unchanged) if c not in report.updated and c not in new]
    report.unchanged = [c for c in untouched if c not in report.not_imported]
    report.skipped.extend((c, report.kept(c) or "") for c in untouched if c in report.not_imported)
    to_write = [f for f in files if format_glossary_file(f) != original[f.path]]
    paths = {f.path for f in to_write}
    broken = next((d for d in before_errors if d.path in paths), None)
    if broken is not None:  # (termkit never rewrites a file that has errors)
        raise GlossaryError(
            f"{broken.message} [{broken.rule}]; not importing into a file with errors: "
            "fix it first (see termkit check)",
            broken.path,
            broken.line,
            broken.column,
        )
    for gfile in to_write:
        if not dry_run:
            write_glossary_file(gfile)
        report.written.append(gfile.path)
    return report


@dataclass
class _Origin:
    """Where an imported concept was read: its id in the file and the locations of it and its terms."""

    id: str
    location: Location | None
    terms: dict[str, Location]


def _term_locations(concept: Concept) -> dict[str, Location]:
    return {t.text: t.location for terms in concept.terms.values() for t in terms if t.location is not None}


def _check_failure(
    errors: list[Diagnostic], origins: dict[str, list[_Origin]], source: str | None
) -> GlossaryError:
    """The error for an import that would break ``termkit check``, located in the imported file.

    The merged glossary was never written, so its line numbers would point at
    nothing the user can open: the error names the entry of the imported file
    that brings the problem (its term's line where the file gives one).
    """
    first = next((d for d in errors if origins.get(d.concept or "")), errors[0])
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    problem = f"{first.message} [{first.rule}]{more}"
    found = origins.get(first.concept or "") or []
    origin = found[0] if found else None
    where = None
    if origin is not None:
        where = origin.terms.get(first.matched or "") or origin.location
    named = "the imported data"
    if origin is not None:
        named = f"imported concept '{origin.id}'"
        if first.concept != origin.id:
            named += f" (glossary concept '{first.concept}')"
    elif first.concept:
        named = f"the import, at glossary concept '{first.concept}'"
    advice = (
        "nothing was written. Correct or remove this entry in the file you import "
        "(or fix the glossary) and import again"
    )
    message = f"{named} would make the glossary fail 'termkit check': {problem}; {advice}"
    if where is not None:
        return GlossaryError(message, where.path, where.line, where.column)
    return GlossaryError(message, source, 1 if source else None, 1 if source else None)


def _neighbours(target: str, files: list[GlossaryFile]) -> list[GlossaryFile]:
    """The other glossary files beside ``target`` (the ``.yaml``/``.yml`` files of the
    folder it is written into, not of its subfolders, nor hidden ones) that ``files``
    (the ``--glossary``) does not hold.  (Subfolders too made an import into a project
    root or /tmp read every test fixture and backup below it: 40 s, then a refusal
    over an archived copy.)

    The merged glossary is checked with them: the file written must not make
    its own folder fail ``termkit check`` (a concept id, or a preferred English
    term, it shares with one of them), even when ``--glossary`` names another
    folder.  They are only checked against, never matched or written.  A file
    that cannot be read as a glossary fails ``termkit check`` with or without
    the import, and is left out.
    """
    folder = Path(target).parent
    if not folder.is_dir():
        return []
    known = {_resolved(f.path) for f in files} | {_resolved(target)}
    found = []
    beside = sorted(p for p in folder.iterdir() if is_glossary_name(p) and not p.name.startswith("."))
    for path in beside:
        if not path.is_file() or _resolved(str(path)) in known:
            continue
        try:
            found.append(read_glossary_file(str(path)))
        except TermkitError:
            continue
    return found


def _resolved(path: str) -> Path:
    try:
        return Path(path).resolve()
    except OSError:
        return Path(os.path.abspath(path))


def _inside(path: str, folder: str) -> bool:
    """Whether ``path`` is ``folder`` or lies under it."""
    return _resolved(path).is_relative_to(_resolved(folder))


def _same_file(a: str, b: str) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return a == b


def _key(d: Diagnostic) -> tuple[str, str, str | None, str]:
    return (d.path, d.rule, d.concept, d.message)


def _normalised(concept: Concept) -> Concept:
    terms: dict[str, list[Term]] = {}
    for lang, items in concept.terms.items():
        for term in items:
            bucket = terms.setdefault(term_language(lang, term.text), [])
            if term.text.strip() and all(t.text != term.text for t in bucket):
                bucket.append(term)
    concept.terms = {k: v for k, v in terms.items() if v}
    return concept


def _made_from_chinese(concept: Concept) -> bool:
    """Whether a reader made ``concept``'s id from Chinese text (``term-`` and a hash: the
    source term of a zh→en OmegaT line, PO entry or TMX unit), which an English term
    names better (``entire-village-advancement``, not ``term-54800907``)."""
    return concept.made_up_id and is_hashed(concept.id)


def _new_concept(concept: Concept, has_status: bool, status: ReviewStatus, taken: set[str]) -> Concept:
    pref = concept.preferred(EN)
    if is_slug(concept.id) and concept.id not in taken and not (pref and _made_from_chinese(concept)):
        cid = concept.id
    else:
        cid = unique(slug(pref.text if pref else concept.id), taken)
    concept.id = cid
    concept.made_up_id = False  # (the glossary's id from now on)
    if status is ReviewStatus.PROPOSED:
        concept.status = ReviewStatus.PROPOSED
    elif not has_status:
        concept.status = ReviewStatus.APPROVED
    for terms in concept.terms.values():
        _demote_extra_preferred(terms)
    concept.location = None
    return concept


def _demote_extra_preferred(terms: list[Term]) -> None:
    seen = False
    for term in terms:
        if term.status is TermStatus.PREFERRED:
            if seen:
                term.status = TermStatus.ADMITTED
            seen = True


def _merge(
    existing: Concept, incoming: Concept, has_status: bool, status: ReviewStatus
) -> tuple[int, list[str]]:
    """Merge ``incoming`` into ``existing``.

    Returns the number of terms added and what the file says that differs and
    was not imported: an approved concept only ever gets new terms, for
    review; a proposed one also gets its empty fields filled, and keeps the
    values it has.
    """
    approved = existing.status is ReviewStatus.APPROVED
    if not approved:
        for attr in ("subject", "definition", "note", "provenance"):
            if getattr(existing, attr) is None and getattr(incoming, attr):
                setattr(existing, attr, getattr(incoming, attr))
        if not existing.sources and incoming.sources:
            existing.sources = list(incoming.sources)
        trusted = status is ReviewStatus.APPROVED
        if trusted and (not has_status or incoming.status is ReviewStatus.APPROVED):
            existing.status = ReviewStatus.APPROVED
    added = 0
    for lang, terms in incoming.terms.items():
        # (a term of the glossary's zh-Hans, zh-Hans-CN or Simplified bare zh is the
        # imported zh-CN one, and a new one goes beside them, under the first such tag)
        tags = _glossary_tags(existing, lang)
        home = tags[0] if tags else lang
        current = _glossary_terms(existing, lang)
        for term in terms:
            old = next((t for t in current if t.text == term.text), None)
            if old is not None:
                if not approved:
                    old.pos = old.pos or term.pos
                    old.note = old.note or term.note
                continue
            new = Term(
                term.text,
                status=term.status,
                pos=term.pos,
                note=term.note,
                case_sensitive=term.case_sensitive,
            )
            if new.status is TermStatus.PREFERRED and any(t.status is TermStatus.PREFERRED for t in current):
                new.status = TermStatus.ADMITTED
            if approved:
                new.review = ReviewStatus.PROPOSED
            existing.add_term(home, new)
            current = _glossary_terms(existing, lang)
            added += 1
    # after filling: what still differs is what the glossary already had otherwise
    return added, _differences(existing, incoming)


def _differences(existing: Concept, incoming: Concept) -> list[str]:
    """What ``incoming`` says about ``existing``'s fields and terms that ``existing`` does not.

    A status is not compared: files that carry none (a spreadsheet without
    ``concept_status``) read as proposed.
    """
    found = []
    for attr in ("subject", "definition", "note", "provenance"):
        value = getattr(incoming, attr)
        if value and value != getattr(existing, attr):
            if attr == "subject" and subject_key(value) == subject_key(existing.subject):
                continue  # (one subject: case and spacing aside, as homographs are told apart)
            found.append(attr)
    known = {(s.document, s.section) for s in existing.sources} | {
        (s.document, None) for s in existing.sources
    }
    if any((s.document, s.section) not in known for s in incoming.sources):
        found.append("sources")
    for lang, terms in incoming.terms.items():
        for term in terms:
            old = next((t for t in _glossary_terms(existing, lang) if t.text == term.text), None)
            if old is None:
                continue
            for attr in ("pos", "note"):
                value = getattr(term, attr)
                if value and value != getattr(old, attr):
                    found.append(f"{attr} of {lang} term '{term.text}'")
    return found


def _fingerprint(concept: Concept) -> str:
    return repr(
        (
            concept.status,
            concept.subject,
            concept.definition,
            concept.note,
            concept.provenance,
            concept.sources,
            sorted((k, repr(v)) for k, v in concept.terms.items()),
        )
    )
