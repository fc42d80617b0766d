"""Sentence constructions the trigger rows cannot express, one module each.

Each module opens with its example sentences (what it codes, and a near miss it must not code)
and defines `apply(coder, events) -> events`: the events of the sentence so far in, the events
out (a construction adds events, or rewrites or drops those already coded). They run in the order
of `parley.events.coder.CONSTRUCTIONS`; a new construction is one module here plus one row there.
"""
