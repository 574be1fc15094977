"""A search reads its matches two ways (a page walks the date index; every match comes from the
full-text index and is sorted): both must give the same entries in the same order."""

from __future__ import annotations

from datetime import datetime, timedelta

from goaljournal.store import Store


def test_a_whole_search_and_its_pages_agree(store: Store) -> None:
    start = datetime(2024, 1, 1, 8, 0)
    for number in range(1_300):
        words = "mentor review" if number % 3 else "team review"
        # Some entries share a minute, so the id breaks ties the same way in both plans.
        store.add_entry(f"{words} {number} @t{number % 4}", at=start + timedelta(hours=number // 2))
    trashed = store.search("mentor", limit=1)[0].id
    store.trash("entries", trashed)
    assert store.WHOLE_SEARCH_ROWS < 1_300

    whole = store.search("mentor", limit=5_000)
    pages = [e for offset in range(0, 1_300, 500) for e in store.entries(query="mentor", offset=offset, limit=500)]
    assert [e.id for e in whole] == [e.id for e in pages]
    assert len(whole) == 865 and trashed not in {e.id for e in whole}
    assert [e.tags for e in whole[:3]] == [e.tags for e in pages[:3]] and whole[0].tags
    assert store.search("mentor", limit=5_000, links=False)[0].tags == []  # links skipped on request
    assert [e.id for e in store.search("mentor", limit=5_000, tag="t1")] == [e.id for e in whole if "t1" in e.tags]
