# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Meetings, full-text search and reported figures
#
# This notebook reads a **thidua knowledge base** (the SQLite file that `thidua demo`,
# `thidua crawl` or `thidua ingest` builds) at the path in the parameter `DB` below: the file
# named by the environment variable `THIDUA_DB`, else `kb.sqlite` in the working directory.
# It shows:
#
# 1. a calendar of the blocs' meetings by kind: mid-year reviews (*sơ kết*), year-end reviews
#    (*tổng kết*), pledge signings (*ký giao ước thi đua*), launches of a movement (*phát động*)
#    and others, over the years and by month of the year (`thidua.kb.query_meetings`);
# 2. full-text search over the articles and meetings from the notebook (`thidua.kb.search`),
#    with and without Vietnamese diacritics (parameter `SEARCH`);
# 3. the figures one inspectorate reported over time (`thidua.kb.query_figures`, parameter
#    `AGENCY`): inspections, money recovered, citizens received…
#
# Every row links back to the articles that report it. With few facts the charts say so
# instead of failing.

# %% tags=["parameters"]
import os

DB = os.environ.get("THIDUA_DB", "kb.sqlite")
SEARCH = "giao ước thi đua"  # full-text query of section 2
AGENCY = None  # an inspectorate (any case, diacritics and abbreviations optional); None: the best documented
UNITS = 4  # the units (kinds of figure) charted in section 3

# %%
# %matplotlib inline
import textwrap

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd

from thidua import kb
from thidua.charts import no_data
from thidua.extract.textnorm import fold

pd.set_option("display.max_colwidth", 100)
db = kb.open_db(DB)
pd.DataFrame([kb.summary(db)], index=[os.path.basename(DB)])

# %%
KINDS = {  # kind → label, colour
    "so_ket": ("sơ kết (mid-year review)", "tab:blue"),
    "tong_ket": ("tổng kết (year-end review)", "tab:red"),
    "ky_giao_uoc": ("ký giao ước (pledge signing)", "tab:green"),
    "phat_dong": ("phát động (launch)", "tab:purple"),
    "other": ("other", "0.55"),
}


# %% [markdown]
# ## 1. A calendar of meetings by kind
#
# One row per meeting (the same meeting reported by several sites is one row). Left: every
# dated meeting on a timeline; right: the month of the year they fall in: year-end reviews
# cluster at the turn of the year, mid-year reviews in June and July, pledges early in the year.

# %%
COLUMNS = ["date", "kind", "bloc", "location", "period", "year", "province", "title", "article_urls", "sources"]
meetings = pd.DataFrame(kb.query_meetings(db), columns=COLUMNS, dtype=object)  # object: None stays None
meetings["when"] = pd.to_datetime(meetings["date"], errors="coerce")
dated = meetings[meetings["when"].notna()]
print(f"{len(meetings)} meetings, {len(dated)} with a date;"
      f" by kind: {({k: int(v) for k, v in meetings['kind'].value_counts().items()})}")
meetings[["date", "kind", "bloc", "location", "title", "sources"]]

# %% tags=["chart"]
fig, (ax, ax_month) = plt.subplots(1, 2, figsize=(15, 4.8), gridspec_kw={"width_ratios": [2.2, 1]})
kinds = list(KINDS)
if dated.empty:
    no_data(ax, "No dated meeting in this knowledge base yet.")
    no_data(ax_month, "No dated meeting yet.")
else:
    for i, kind in enumerate(kinds):
        rows = dated[dated["kind"] == kind]
        ax.scatter(rows["when"], [i] * len(rows), s=70, color=KINDS[kind][1], alpha=0.8,
                   edgecolors="white", linewidths=0.6, zorder=3)
    ax.set_yticks(range(len(kinds)), [KINDS[k][0] for k in kinds])
    ax.set_ylim(len(kinds) - 0.5, -0.5)
    span = dated["when"].max() - dated["when"].min()
    pad = max(span * 0.04, pd.Timedelta(days=60))
    ax.set_xlim(dated["when"].min() - pad, dated["when"].max() + pad)
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(maxticks=12))
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    ax.grid(color="0.92")
    months = dated.assign(month=dated["when"].dt.month).pivot_table(
        index="month", columns="kind", aggfunc="size", fill_value=0).reindex(range(1, 13), fill_value=0)
    bottom = pd.Series(0, index=months.index)
    for kind in kinds:
        if kind in months:
            ax_month.bar(months.index, months[kind], bottom=bottom, color=KINDS[kind][1], label=KINDS[kind][0])
            bottom = bottom + months[kind]
    ax_month.set_xticks(range(1, 13), [f"T{m}" for m in range(1, 13)], fontsize=8)  # tháng 1 … tháng 12
    ax_month.yaxis.get_major_locator().set_params(integer=True)
    ax_month.set_ylabel("meetings")
    ax_month.set_ylim(0, bottom.max() * 1.5 + 0.5)  # room for the legend
    ax_month.legend(fontsize=7, frameon=False, loc="upper center", ncol=2)
undated = len(meetings) - len(dated)
ax.set_title(f"Meetings by kind and date ({len(dated)} dated" + (f", {undated} without a date)" if undated else ")"))
ax_month.set_title("by month of the year")
fig.tight_layout()
plt.show()

# %% [markdown]
# ## 2. Full-text search
#
# `kb.search` looks through the articles' titles and text and the meetings' descriptions. A
# query with diacritics ranks exact matches first; the same query without them (`fold`
# removes them) finds the same articles, since the index also keeps a folded copy.

# %%
def search_table(text, limit=10):
    try:
        hits = kb.search(db, text, limit=limit)
    except kb.BadFilter as err:  # an empty query, a bad limit
        print(f"search {text!r}: {err}")
        hits = []
    return pd.DataFrame(hits, columns=["kind", "date", "title", "snippet", "score", "exact", "url"])


results = search_table(SEARCH)
print(f"{SEARCH!r}: {len(results)} results")
results[["kind", "date", "title", "snippet", "exact"]]

# %%
plain = fold(SEARCH)
folded = search_table(plain)
print(f"{plain!r}: {len(folded)} results; in both: {len(set(results['url']) & set(folded['url']))}")
folded[["kind", "date", "title", "snippet"]]

# %% [markdown]
# ## 3. Figures one inspectorate reported over time
#
# `kb.query_figures(db, agency=…)` returns the figures (quantities stated in the articles) tied
# to an agency: named just before the figure (`link` = `text`) or the subject of the figure's
# article (`link` = `article`). The inspectorate is the parameter `AGENCY`, else the one whose
# figures span the most years (then the most figures). The candidates are the `Thanh tra…`
# rows of the public `agencies` table (no `kb` function lists agencies).

# %%
FIGURE_COLUMNS = ["article_id", "article_url", "title", "published", "value", "unit", "text", "start", "end",
                  "agency", "province", "year", "link"]


def figures_of(name):
    rows = pd.DataFrame(kb.query_figures(db, agency=name), columns=FIGURE_COLUMNS, dtype=object)
    published_year = pd.to_datetime(rows["published"], errors="coerce").dt.year
    rows["when"] = rows["year"].where(rows["year"].notna(), published_year)
    return rows


if AGENCY:
    inspectorate = AGENCY
else:
    candidates = [n for (n,) in db.conn.execute("SELECT name FROM agencies WHERE name LIKE 'Thanh tra%' ORDER BY name")]
    ranked = []
    for name in candidates:
        rows = figures_of(name)
        if len(rows):
            ranked.append((rows["when"].nunique(), len(rows), name))
    inspectorate = max(ranked)[2] if ranked else None
figs = figures_of(inspectorate) if inspectorate else pd.DataFrame(columns=FIGURE_COLUMNS + ["when"])
figs["unit"] = figs["unit"].replace({"đ": "đồng", "VNĐ": "đồng", "VND": "đồng"})
print(f"{inspectorate or '(no inspectorate with figures)'}: {len(figs)} figures,"
      f" years {sorted(int(y) for y in figs['when'].dropna().unique())}")
figs[["when", "text", "value", "unit", "link", "title"]]

# %% tags=["chart"]
units = list(figs[figs["when"].notna()]["unit"].value_counts().index[:UNITS])
fig, axes = plt.subplots(1, max(len(units), 1), figsize=(4 * max(len(units), 2), 4), squeeze=False)
axes = axes[0]
if not units:
    no_data(axes[0], f"No dated figure for {inspectorate or 'any inspectorate'} in this knowledge base yet.")
for ax, unit in zip(axes, units, strict=False):
    rows = figs[(figs["unit"] == unit) & figs["when"].notna()].copy()
    scale, label = (1e9, "tỷ đồng") if unit == "đồng" else (1, unit)
    rows["y"] = rows["value"].astype(float) / scale
    by_year = rows.groupby("when")["y"]
    ax.scatter(rows["when"].astype(int), rows["y"], s=45, color="tab:blue", alpha=0.7, zorder=3)
    if by_year.ngroups > 1:  # a line through each year's largest figure
        ax.plot(by_year.max().index.astype(int), by_year.max().values, color="tab:blue", lw=1, alpha=0.5)
    for _, r in rows.nlargest(3, "y").iterrows():
        ax.annotate(textwrap.shorten(str(r["text"]), 28), (int(r["when"]), r["y"]), xytext=(6, 0),
                    textcoords="offset points", fontsize=7.5, va="center")
    years = sorted(int(y) for y in rows["when"].unique())
    ax.set_xticks(years, [str(y) for y in years])
    ax.set_xlim(min(years) - 0.8, max(years) + 1.2)
    ax.set_ylim(bottom=0, top=rows["y"].max() * 1.15 or 1)
    ax.set_title("\n".join(textwrap.wrap(label, 30)), fontsize=10)
    ax.grid(axis="y", color="0.92")
fig.suptitle(f"Figures reported for {inspectorate or 'an inspectorate'}, by year", fontsize=12)
fig.tight_layout()
plt.show()
