"""Export a case file for prosecutors: the same selection and formats as `python -m graph export`,
written to a folder with its manifest and offered as one zip download."""
import datetime
import io
import tempfile
import zipfile
from pathlib import Path

import streamlit as st

from dashboard import common
from graph import model
from graph.export import LINK_TYPES, STATUS_ORDER, Selection
from graph.export.custody import UnknownSeeds, export_case, sha256
from graph.export.formats import FORMATS

common.require("investigator")
store = common.store()
st.title("Export a case file")
seeds = st.text_input("Seeds (ids of persons, units or incidents, separated by spaces)",
                      value=st.query_params.get("id", ""), key="export_seeds")
left, right = st.columns(2)
hops = left.number_input("Hops", min_value=0, max_value=6, value=1, key="export_hops")
window = right.date_input("Time window", value=(datetime.date(2020, 8, 1), datetime.date(2021, 12, 31)),
                          key="export_window")
min_status = left.selectbox("Minimum review status", STATUS_ORDER, key="export_status")
min_confidence = right.slider("Minimum confidence", 0.0, 1.0, 0.0, 0.05, key="export_confidence")
types = st.multiselect("Link types", LINK_TYPES, default=list(LINK_TYPES), key="export_types")
formats = st.multiselect("Formats", list(FORMATS), default=list(FORMATS), key="export_formats",
                         help="; ".join(f"{name}: {text}" for name, (_, text) in FORMATS.items()))
by = common.reviewer()  # the signed-in user: the manifest and the audit trail record who exported
if st.button("Build case file", type="primary", disabled=not (seeds.strip() and by.strip() and formats)):
    try:
        dates = list(window) if isinstance(window, (list, tuple)) else [window, window]
        selection = Selection(seeds.split(), int(hops), dates[0].isoformat(), dates[-1].isoformat(), min_status,
                              float(min_confidence), tuple(types))
    except model.ModelError as error:
        st.error(str(error))
        st.stop()
    with st.spinner("Selecting and writing…"), tempfile.TemporaryDirectory() as folder:
        case = Path(folder) / "case"
        try:
            subgraph, manifest, _ = export_case(store, selection, case, formats, by)
        except UnknownSeeds as error:
            message = str(error)
            st.error(common.plain(message[:1].upper() + message[1:]))
            st.stop()
        digest = sha256(manifest)
        common.audit("export", seeds=selection.seeds, formats=formats, manifest_sha256=digest,
                     nodes=len(subgraph.nodes), testimonies=len(subgraph.testimonies))
        archive = io.BytesIO()
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
            for path in sorted(case.iterdir()):
                bundle.write(path, path.name)
    st.success(f"{len(subgraph.nodes)} nodes, {len(subgraph.links)} links, {len(subgraph.testimonies)} testimonies "
               f"cited. Manifest SHA-256 {digest}: record it in the custody log.")
    st.download_button("Download the case file (zip)", archive.getvalue(), file_name="case-file.zip",
                       mime="application/zip", key="export_download")
