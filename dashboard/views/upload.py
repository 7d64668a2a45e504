"""Add testimonies from the browser: the files go through the same ingest pipeline as the command line."""
import tempfile
from pathlib import Path

import streamlit as st

from dashboard import common
from ingest import pipeline, readers

common.require("analyst")
st.title("Add testimonies")
st.write("Text, Markdown, Word, PDF, intake forms (JSON or CSV) or a Telegram export (result.json). "
         "Identifying data is masked and the originals are sealed in the vault; only pseudonyms reach the graph.")
files = st.file_uploader("Testimony files", accept_multiple_files=True,
                         type=[s.lstrip(".") for s in readers.SUPPORTED_SUFFIXES], key="upload_files")
if files and st.button("Ingest", type="primary"):
    bar = st.progress(0.0, text="Reading…")
    with tempfile.TemporaryDirectory() as folder:
        for number, upload in enumerate(files):
            # the browser's file name is not trusted as a path: only its last part and suffix are kept
            name = Path(upload.name).name or f"upload-{number}"
            (Path(folder) / f"{number:04d}-{name}").write_bytes(upload.getvalue())

        def progress(summary, remaining: int) -> None:
            total = summary.new + remaining
            bar.progress(summary.new / total if total else 1.0,
                         text=f"{summary.new} of {total} testimonies written, {summary.claims} claims")

        try:
            summary = pipeline.run([Path(folder)], common.store().driver, database=common.store().database,
                                   workers=1, on_progress=progress)
        except pipeline.IngestInterrupted as error:
            st.error(str(error))
            st.stop()
    bar.progress(1.0, text="Done")
    common.audit("upload", files=len(files), new=summary.new, known=summary.known,
                 quarantined=len(summary.quarantined))
    st.success(summary.last_line())
    st.write(f"New: {summary.new} · already known: {summary.known} · quarantined: {len(summary.quarantined)}")
    for origin, reason in summary.quarantined:
        st.warning(f"{common.plain(Path(origin).name[5:])}: {common.plain(reason)}")
