"""parley's small exception hierarchy.

ParleyError
├── InputError        a page could not be read or is not something parley handles
├── StageError        a pipeline stage failed on a document (names the stage and the input)
├── StoreError        the database could not be opened or written
└── QueryError        a question to the store was malformed (bad country code, bad date, ...)
"""

from __future__ import annotations


class ParleyError(Exception):
    """Base class of every error parley raises on purpose."""


class InputError(ParleyError):
    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class StageError(ParleyError):
    def __init__(self, stage: str, path: str, cause: BaseException) -> None:
        super().__init__(f"{path}: stage '{stage}' failed: {type(cause).__name__}: {cause}")
        self.stage = stage
        self.path = path
        self.cause = cause


class StoreError(ParleyError):
    pass


class QueryError(ParleyError):
    pass
