"""The ordered stages: ingest → clean → nlp → temporal → actors → events, then merge.

Documents stream through in batches (bounded memory whatever the corpus size); a batch is stored
in one transaction; a document that fails at any stage is recorded with its stage and reason and
the run goes on. Documents whose cleaned text is already stored are skipped before any parsing,
so re-running on the same folder costs almost nothing.
"""
from __future__ import annotations

import itertools
import multiprocessing
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Any

from annales.errors import AnnalesError
from annales.model import DateValue, Document, Event, Failure, RawDocument
from annales.settings import DEFAULT_MODEL

BATCH = 16  # documents per spaCy batch and per store transaction
JOB = 4  # documents per job handed to a worker process
ANALYSED_LANGUAGES = {"fr"}


@dataclass(frozen=True)
class Analysis:
    """One analysed document: the document, its events (one per mention) and what they stand on."""

    document: Document
    events: tuple[Event, ...]
    timexes: tuple[Any, ...] = ()
    mentions: tuple[Any, ...] = ()

    def to_frame(self):
        """The events as a pandas DataFrame (one row per event)."""
        from annales.export.frame import events_frame

        return events_frame(self.events)


@dataclass
class RunReport:
    """What a run did, for the CLI and for notebooks."""

    read: int = 0
    added: int = 0
    already_stored: int = 0
    not_analysed: int = 0  # stored, but in a language annales does not code yet
    events: int = 0
    happenings: int = 0
    reanalysed: int = 0  # stored documents coded again (``reanalyse``)
    failures: list[Failure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def analysed_by(model: str | None = None) -> tuple[str, str]:
    """(annales version, model with its package version) as stored with each analysed document:
    ``("0.1.0", "fr_core_news_md 3.8.0")``. Another value means ``reanalyse`` would code it anew."""
    from importlib import metadata

    from annales import __version__

    name = model or DEFAULT_MODEL
    try:
        return __version__, f"{name} {metadata.version(name.replace('_', '-'))}"
    except metadata.PackageNotFoundError:  # a pipeline loaded from a folder: its name is all we know
        return __version__, name


# -- one document ------------------------------------------------------------------------------
class Analyzer:
    """Holds the loaded models; analyses parsed documents. One per process."""

    def __init__(self, model: str | None = None) -> None:
        from annales import nlp
        from annales.actors import Resolver

        self.model = model or DEFAULT_MODEL
        self.nlp = nlp.load(self.model)
        self.resolver = Resolver.load("fr", places=True)  # index the gazetteer now, before forking

    def analyse_batch(self, documents: Sequence[Document]) -> list[Analysis | Failure]:
        from annales import events as coder
        from annales import temporal

        results: list[Analysis | Failure] = []
        for document, doc in zip(documents, self._parsed(documents), strict=True):
            if isinstance(doc, Failure):
                results.append(doc)
                continue
            try:
                doc._.doc_id = document.id
                doc._.anchor = document.published
                timexes = temporal.find_timexes(doc, document.published)
                mentions = self.resolver.mentions(doc, document.published)
                found = coder.code(doc, document, timexes, mentions, self.resolver)
                results.append(Analysis(document, tuple(found), tuple(timexes), tuple(mentions)))
            except AnnalesError as error:
                results.append(Failure(document.id, "analyse", str(error)))
            except Exception as error:  # a bug must not kill the batch; it is recorded with its stage
                results.append(Failure(document.id, "analyse", f"internal error {type(error).__name__}: {error}; "
                                       "please report it with this document"))
        return results


    def _parsed(self, documents: Sequence[Document]) -> list[Any]:
        """The parsed Doc of each document, in batch; when the batch fails, one by one, so that
        the document the parser refuses is the only one to fail."""
        texts = [d.text for d in documents]
        try:
            return list(self.nlp.pipe(texts, batch_size=BATCH))
        except Exception:  # which document is at fault is found below, one by one
            pass
        parsed: list[Any] = []
        for document in documents:
            try:
                parsed.append(self.nlp(document.text))
            except Exception as error:
                parsed.append(Failure(document.id, "analyse", f"the parser refused the text ({type(error).__name__}: "
                                      f"{error}); please report it with this document"))
        return parsed


_WORKER: Analyzer | None = None


def _analyzer(model: str | None) -> Analyzer:
    """The process's analyzer, loaded once (forked workers inherit it already loaded)."""
    global _WORKER
    if _WORKER is None or _WORKER.model != (model or DEFAULT_MODEL):
        _WORKER = Analyzer(model)
    return _WORKER


def _worker_batch(job: tuple[str | None, list[Document]]) -> list[Analysis | Failure]:
    model, documents = job
    return _analyzer(model).analyse_batch(documents)


# -- streams -----------------------------------------------------------------------------------
def clean_stream(raws: Iterable[RawDocument | Failure],
                 published: DateValue | None = None) -> Iterator[Document | Failure]:
    """Clean what the readers give; failures pass through. A ``published`` date given by the
    user wins over whatever the documents say (stdin and bare text files carry none)."""
    from annales.clean import clean
    from annales.ingest import MAX_TEXT_CHARS

    for raw in raws:
        if isinstance(raw, Failure):
            yield raw
            continue
        try:
            document = clean(raw)
        except AnnalesError as error:
            yield Failure(raw.id, "clean", str(error))
            continue
        except Exception as error:  # a bug must not kill the batch; it is recorded with its stage
            yield Failure(raw.id, "clean", f"internal error {type(error).__name__}: {error}; please report it "
                          "with this document")
            continue
        if len(document.text) > MAX_TEXT_CHARS:
            yield Failure(raw.id, "clean", f"the cleaned text is {len(document.text):,} characters, over the limit "
                          f"of {MAX_TEXT_CHARS:,} for one article; split it into articles or remove it")
            continue
        yield document if published is None else replace(document, published=published, published_source="metadata")


def _batches(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def analyse_documents(documents: Iterable[Document], model: str | None = None,
                      workers: int = 1) -> Iterator[Analysis | Failure]:
    """Analyse cleaned documents, in batches, on ``workers`` processes; yields in input order."""
    # Small jobs keep both workers busy to the end; one process parses in larger batches.
    batches = _batches(documents, BATCH if workers <= 1 else JOB)
    first = next(batches, None)
    if first is None:
        return  # nothing new: the models are not even loaded, so a re-run costs almost nothing
    batches = itertools.chain([first], batches)
    if workers <= 1:
        analyzer = _analyzer(model)
        for batch in batches:
            yield from analyzer.analyse_batch(batch)
        return
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods:
        # Load once here; the forked workers share the loaded pipeline (copy-on-write).
        _analyzer(model)
        context: BaseContext = multiprocessing.get_context("fork")
    else:
        context = multiprocessing.get_context("spawn")
    with context.Pool(workers) as pool:
        # Batches are drawn here, in the calling thread, a window at a time: the documents may
        # come from a generator that reads the store, which must not be touched from the pool's
        # feeder thread; and memory stays bounded whatever the corpus size.
        while window := list(itertools.islice(batches, 4 * workers)):
            for results in pool.imap(_worker_batch, [(model, batch) for batch in window]):
                yield from results


def run(paths: Sequence[str | Path], store, model: str | None = None, workers: int = 1,
        progress: Callable[[int], None] | None = None, merge: bool = True,
        published: str | DateValue | None = None) -> RunReport:
    """Read, clean, analyse and store everything under ``paths``; then merge into happenings.

    ``progress`` is called with the number of documents just handled (for a progress bar);
    ``published`` ("2024-03-15", "2024-03"...) dates every document read, whatever they say.
    """
    from annales.clean.pubdate import given_date
    from annales.ingest import read

    when = given_date(published)

    report = RunReport()
    tick = progress or (lambda n: None)

    def fresh() -> Iterator[Document]:
        seen: set[str] = set()
        taken: set[str] = set()  # ids given in this run
        for item in clean_stream(read(paths), when):
            if isinstance(item, Failure):
                report.failures.append(item)
                store.add_batch([], [item])  # now: a crash later in the run must not lose it
                tick(1)
                continue
            report.read += 1
            if item.sha256 in seen or store.has_sha256(item.sha256):
                report.already_stored += 1
                tick(1)
                continue
            seen.add(item.sha256)
            # A new text under an id already used (a file changed since the last run, or
            # day1/article.txt and day2/article.txt) is a new version: nothing is replaced.
            free = store.free_id(item.id, taken)
            if free != item.id:
                item = replace(item, id=free)
            taken.add(free)
            if item.language not in ANALYSED_LANGUAGES:
                report.not_analysed += 1
                store.add_batch([(item, [])], [])
                report.added += 1
                tick(1)
                continue
            yield item

    pending: list[tuple[Document, list[Event]]] = []
    failed: list[Failure] = []

    def flush() -> None:
        added = store.add_batch(pending, failed, analysed_by=analysed_by(model))
        report.added += added
        report.already_stored += len(pending) - added  # stored meanwhile by a run beside this one
        pending.clear()
        failed.clear()

    for result in analyse_documents(fresh(), model=model, workers=workers):
        if isinstance(result, Failure):
            report.failures.append(result)
            failed.append(result)
        else:
            pending.append((result.document, list(result.events)))
            report.events += len(result.events)
        tick(1)
        if len(pending) + len(failed) >= BATCH:
            flush()
    flush()
    if merge and report.added:
        report.happenings = remerge(store)
    else:
        report.happenings = len(store.happenings())
    return report


def reanalyse(store, model: str | None = None, workers: int = 1,
              progress: Callable[[int], None] | None = None) -> RunReport:
    """Code again the stored documents that another annales version or model analysed (or that are
    in a language annales codes now), then merge. A document that fails keeps its old events."""
    report = RunReport()
    tick = progress or (lambda n: None)
    current = analysed_by(model)
    stale = [doc_id for doc_id, (language, *by) in store.analyses().items()
             if language in ANALYSED_LANGUAGES and tuple(by) != current]

    def documents() -> Iterator[Document]:
        for doc_id in stale:
            document = store.document(doc_id)
            if document is not None:
                yield document

    pending: list[tuple[str, list[Event]]] = []
    for result in analyse_documents(documents(), model=model, workers=workers):
        if isinstance(result, Failure):
            report.failures.append(result)
            store.add_batch([], [result])
        else:
            pending.append((result.document.id, list(result.events)))
            report.events += len(result.events)
            report.reanalysed += 1
        tick(1)
        if len(pending) >= BATCH:
            store.replace_analysis(pending, current)
            pending.clear()
    if pending:
        store.replace_analysis(pending, current)
    report.happenings = remerge(store) if report.reanalysed else len(store.happenings())
    return report


def stale_and_unanalysed(store, model: str | None = None) -> tuple[int, dict[str, int]]:
    """(documents another annales version or model coded, {language: documents stored but not analysed})."""
    current = analysed_by(model)
    stale, languages = 0, dict[str, int]()
    for language, *by in store.analyses().values():
        if language not in ANALYSED_LANGUAGES:
            languages[language] = languages.get(language, 0) + 1
        elif tuple(by) != current:
            stale += 1
    return stale, languages


def remerge(store) -> int:
    """Merge every stored mention into happenings (order-independent, so a full re-merge is safe),
    then apply the corrections people made (annales.merge.corrections), so they survive re-coding."""
    from annales.merge import merge
    from annales.merge.corrections import apply_corrections

    mentions = store.mention_events()
    corrections = store.corrections() if hasattr(store, "corrections") else []
    happenings = apply_corrections(merge(mentions), corrections, mentions)
    store.replace_happenings(happenings)
    return len(happenings)


# -- notebook entry points ---------------------------------------------------------------------
def analyse_text(text: str, published: str | DateValue | None = None, doc_id: str = "text",
                 title: str | None = None, model: str | None = None) -> Analysis:
    """Analyse one article given as a string, with its publication date if known.

    >>> a = analyse_text("Le ministre s'est rendu jeudi à Kiev.", published="2024-03-15")  # doctest: +SKIP
    """
    from annales.clean import clean
    from annales.clean.pubdate import given_date

    when = given_date(published)
    raw = RawDocument(id=doc_id, text=text, title=title, published=str(when) if when else None)
    document = clean(raw)
    if when is not None:
        from dataclasses import replace

        document = replace(document, published=when, published_source="metadata")
    results = list(analyse_documents([document], model=model))
    if isinstance(results[0], Failure):
        raise AnnalesError(str(results[0]))
    return results[0]


@dataclass
class Result:
    """A folder analysed in memory: documents, per-mention events and merged happenings."""

    documents: list[Document]
    events: list[Event]
    happenings: list[Event]
    failures: list[Failure]

    def to_frame(self, merged: bool = True):
        """Happenings (or, with ``merged=False``, every mention's event) as a pandas DataFrame."""
        from annales.export.frame import events_frame

        return events_frame(self.happenings if merged else self.events)


def analyse(paths: str | Path | Sequence[str | Path], model: str | None = None, workers: int = 1,
            published: str | DateValue | None = None) -> Result:
    """Analyse files or folders in memory (no database) and merge the events into happenings.

    ``published`` ("2024-03-15", "2024-03"...) dates every document read, whatever they say.
    """
    from annales.clean.pubdate import given_date
    from annales.ingest import read
    from annales.merge import merge

    if isinstance(paths, str | Path):
        paths = [paths]
    documents: list[Document] = []
    failures: list[Failure] = []
    events: list[Event] = []
    cleaned = []
    for item in clean_stream(read(paths), given_date(published)):
        if isinstance(item, Failure):
            failures.append(item)
        else:
            documents.append(item)
            if item.language in ANALYSED_LANGUAGES:
                cleaned.append(item)
    for result in analyse_documents(cleaned, model=model, workers=workers):
        if isinstance(result, Failure):
            failures.append(result)
        else:
            events.extend(result.events)
    return Result(documents, events, merge(events), failures)

