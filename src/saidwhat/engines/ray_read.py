"""Reading a corpus on Ray Data with the project's readers: files in, document rows out.

Ray lists and opens the files (local paths, folders, or any URL its filesystems take: s3://,
gs://, abfs:// ...); each file is streamed through the same reader the local engine uses
(readers.read_stream: JSONL, WARC, Parquet, text, HTML, gzipped or not), so both engines see
the same Documents with the same ids and errors. A file is read by one task, as a stream:
memory stays bounded, and a large corpus is spread over the cluster by being many files.
"""
from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import PurePosixPath

import ray.data
from ray.data.datasource import FileBasedDatasource

from ..readers import SUFFIXES, format_of, read_stream, with_published
from .rows import documents_table

# Documents per block: one analysis batch, so that blocks spread evenly over the actors.
BLOCK_DOCUMENTS = 32
# Every suffix a reader knows, plain or gzipped.
EXTENSIONS = [s.lstrip(".") for s in SUFFIXES] + [s.lstrip(".") + ".gz" for s in SUFFIXES]


class DocumentDatasource(FileBasedDatasource):
    """Files read by saidwhat's readers into document rows (rows.DOCUMENT_SCHEMA).

    paths (str | list[str]): files, folders or URLs; published (str | None): ISO date for
    documents that carry none.
    """

    def __init__(self, paths: str | list[str], published: str | None = None):
        super().__init__(paths, file_extensions=EXTENSIONS)
        self._published = published
        fs_type = self._filesystem.unwrap().type_name
        # Ray hands back paths without their scheme ('bucket/key'): put it back in `source`.
        self._scheme = "" if fs_type == "local" else f"{fs_type}://"

    def resolve_compression(self, path: str, open_args: dict) -> None:
        # Ray would gunzip .gz files itself; the readers do it as the local engine does (and a
        # .warc.gz must reach warcio as it is: it reads the gzip members one record at a time).
        return None

    def _open_input_source(self, filesystem, path: str, **open_args):
        if format_of(PurePosixPath(path))[0] == "parquet":
            return filesystem.open_input_file(path)  # random access: the footer comes first
        return super()._open_input_source(filesystem, path, **open_args)

    def _read_stream(self, f, path: str) -> Iterator:
        fmt, compressed = format_of(PurePosixPath(path))
        stream = f if fmt == "parquet" else io.BufferedReader(f)  # the readers peek
        documents = with_published(read_stream(stream, self._scheme + path, fmt, compressed), self._published)
        batch = []
        for doc in documents:
            batch.append(doc)
            if len(batch) == BLOCK_DOCUMENTS:
                yield documents_table(batch)
                batch = []
        if batch:
            yield documents_table(batch)


def read_documents(paths: list[str], published: str | None = None, num_cpus: float = 0.25) -> ray.data.Dataset:
    """A Dataset of document rows from `paths` (list[str]: files, folders, URLs).

    num_cpus (float): CPUs each read task reserves; fractional, so that the analysis actors
    can take the rest of the cluster and reads still get scheduled.
    """
    return ray.data.read_datasource(DocumentDatasource(paths, published), num_cpus=num_cpus)
