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
# # Bloc history: members and leaders of the emulation blocs, year by year
#
# This notebook reads a **thidua knowledge base** (the SQLite file that `thidua demo`,
# `thidua crawl` or `thidua ingest` builds) at the path in the parameter `DB` below: the file
# named by the environment variable `THIDUA_DB`, else `kb.sqlite` in the working directory.
# It shows:
#
# 1. every emulation bloc (*khối thi đua*) and cluster (*cụm thi đua*) the knowledge base knows,
#    on a timeline of the years it has facts for, each year labelled with its leader;
# 2. one bloc's members, leader (*Trưởng khối*, *Cụm trưởng*) and deputy leaders year by year;
# 3. the rotation of the lead among the members: who led each bloc each year, who was announced
#    to lead next, and whether a later article confirms it.
#
# Everything comes from `thidua.kb.query_blocs`; each row keeps the articles that report it
# (`article_urls`), so every claim can be checked at its source. With few facts the charts
# say so instead of failing.

# %% tags=["parameters"]
import os

DB = os.environ.get("THIDUA_DB", "kb.sqlite")
BLOC = None  # a bloc's name (any case, diacritics optional); None: the bloc with the most years of facts

# %%
# %matplotlib inline
import matplotlib.pyplot as plt
import pandas as pd

from thidua import kb
from thidua.charts import no_data, short

pd.set_option("display.max_colwidth", 80)
db = kb.open_db(DB)
pd.DataFrame([kb.summary(db)], index=[os.path.basename(DB)])

# %% [markdown]
# Long agency and bloc names are shortened on the charts with the abbreviations the
# agencies use themselves (`TAND`, `VKSND`, `UBND`…); the tables keep the full canonical names.

# %%
def leaders_of(row):
    return [x for x in (row["leader"] or "").split("; ") if x]


# %%
COLUMNS = ["bloc", "parent", "province", "year", "leader", "deputy_leaders", "members", "member_count",
           "next_leader", "next_leader_year", "article_urls", "sources"]
blocs = pd.DataFrame(kb.query_blocs(db), columns=COLUMNS, dtype=object)  # object: None stays None
undated = blocs[blocs["year"].isna()]
blocs = blocs[blocs["year"].notna()]
print(f"{blocs['bloc'].nunique()} blocs, {len(blocs)} bloc-years with a year"
      f" ({len(undated)} more without one)")
blocs[["bloc", "year", "leader", "member_count", "sources"]]

# %% [markdown]
# ## 1. Every bloc on a timeline
#
# One row per bloc, one dot per year the knowledge base has facts for (its size grows with the
# number of members listed); the label is that year's leader. A filled dot has a known leader,
# a hollow one does not.

# %% tags=["chart"]
names = sorted(blocs["bloc"].unique(), key=lambda b: (blocs.loc[blocs["bloc"] == b, "year"].min(), b))
fig, ax = plt.subplots(figsize=(11, 1.2 + 0.45 * max(len(names), 3)))
if blocs.empty:
    no_data(ax, "No bloc-year in this knowledge base yet:\nno article described a bloc's members or leader.")
else:
    ypos = {b: i for i, b in enumerate(names)}
    for _, row in blocs.iterrows():
        y = ypos[row["bloc"]]
        size = 40 + 12 * len(row["members"])
        led = bool(leaders_of(row))
        ax.scatter(row["year"], y, s=size, zorder=3, color="tab:red" if led else "white",
                   edgecolors="tab:red" if led else "0.4", linewidths=1.2)
        if led:
            ax.annotate(short(" / ".join(leaders_of(row)), 28), (row["year"], y), xytext=(8, 0),
                        textcoords="offset points", va="center", fontsize=7.5, color="0.15", zorder=4,
                        bbox=dict(facecolor="white", edgecolor="none", alpha=0.75, pad=0.3))
    for b in names:  # a thin line from the first to the last year of each bloc
        ys = blocs.loc[blocs["bloc"] == b, "year"]
        ax.plot([ys.min(), ys.max()], [ypos[b]] * 2, color="0.8", zorder=1)
    ax.set_yticks(range(len(names)), [short(b, 48) for b in names], fontsize=8)
    years = sorted(blocs["year"].unique())
    ax.set_xticks(years, [str(y) for y in years], rotation=45 if len(years) > 8 else 0)
    ax.set_xlim(min(years) - 0.7, max(years) + max(2.5, 0.3 * (max(years) - min(years))))  # room for labels
    ax.set_ylim(len(names) - 0.5, -0.5)
    ax.grid(axis="x", color="0.92")
    ax.scatter([], [], s=60, color="tab:red", label="leader known (label)")
    ax.scatter([], [], s=60, color="white", edgecolors="0.4", label="leader not reported")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.06 if len(years) <= 8 else -0.1), ncol=2,
              fontsize=8, frameon=False)
ax.set_title("Emulation blocs (khối / cụm thi đua) by year, labelled with the year's leader")
fig.tight_layout()
plt.show()

# %% [markdown]
# ## 2. One bloc's members and leaders, year by year
#
# The bloc is the parameter `BLOC`, or else the one with the most years of facts (then the most
# members). A grey dot is a member, a red star the leader, an orange triangle a deputy leader,
# and a hollow star the agency announced to lead in that year (*next leader*).

# %%
if BLOC:
    chosen = kb.query_blocs(db, bloc=BLOC)
    bloc_name = chosen[0]["bloc"] if chosen else None
    if not chosen:
        print(f"No bloc matches {BLOC!r}; showing the best-documented bloc instead.")
else:
    bloc_name = None
if bloc_name is None and not blocs.empty:
    ranking = blocs.assign(n=blocs["members"].map(len)).groupby("bloc").agg(years=("year", "nunique"), n=("n", "max"))
    bloc_name = ranking.sort_values(["years", "n"], ascending=False).index[0]
history = blocs[blocs["bloc"] == bloc_name].sort_values("year")
print(bloc_name or "(no bloc)")
history[["year", "leader", "deputy_leaders", "members", "next_leader", "next_leader_year", "article_urls"]]

# %% tags=["chart"]
ROLE_STYLE = {
    "member": dict(marker="o", s=70, color="0.6"),
    "deputy_leader": dict(marker="^", s=110, color="tab:orange"),
    "leader": dict(marker="*", s=260, color="tab:red"),
    "next_leader": dict(marker="*", s=260, facecolors="none", edgecolors="tab:red", linewidths=1.3),
}
cells = []  # (agency, year, role)
for _, row in history.iterrows():
    cells += [(m, row["year"], "member") for m in row["members"]]
    cells += [(d, row["year"], "deputy_leader") for d in row["deputy_leaders"]]
    cells += [(ld, row["year"], "leader") for ld in leaders_of(row)]
    if row["next_leader"]:
        cells.append((row["next_leader"], row["next_leader_year"] or row["year"] + 1, "next_leader"))
agencies = list(dict.fromkeys(a for a, _, _ in sorted(cells, key=lambda c: (c[1], c[2] == "member"))))
fig, ax = plt.subplots(figsize=(10, 1.5 + 0.38 * max(len(agencies), 4)))
if not cells:
    no_data(ax, "No bloc with members or a leader in this knowledge base yet.")
else:
    ypos = {a: i for i, a in enumerate(agencies)}
    for role, style in ROLE_STYLE.items():
        pts = [(y, ypos[a]) for a, y, r in cells if r == role]
        if pts:
            ax.scatter(*zip(*pts, strict=True), zorder=3, label=role.replace("_", " "), **style)
    years = sorted({y for _, y, _ in cells})
    ax.set_xticks(years, [str(y) for y in years])
    ax.set_xlim(min(years) - 0.6, max(years) + 0.6)
    ax.set_yticks(range(len(agencies)), [short(a, 40) for a in agencies], fontsize=8)
    ax.set_ylim(len(agencies) - 0.5, -0.5)
    ax.grid(color="0.92")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False, labelspacing=1.2)
ax.set_title(f"Members and leaders of {short(bloc_name, 60) if bloc_name else 'a bloc'}", fontsize=11)
fig.tight_layout()
plt.show()

# %% [markdown]
# ## 3. The rotation of the lead
#
# Blocs usually pass the lead from member to member each year, and the year-end meeting
# announces who leads next. For every bloc with a known leader or an announced successor: the
# leader of each year, the successor announced, and whether the knowledge base's facts for
# that later year confirm the announcement.

# %%
rotation = []
led = {(r["bloc"], r["year"]): leaders_of(r) for _, r in blocs.iterrows()}
for _, r in blocs.sort_values(["bloc", "year"]).iterrows():
    if not leaders_of(r) and not r["next_leader"]:
        continue
    check = None
    if r["next_leader"]:
        later = led.get((r["bloc"], r["next_leader_year"]))
        if later is None:
            check = "no facts yet for that year"
        elif not later:
            check = "that year's leader not reported"
        else:
            check = "confirmed" if r["next_leader"] in later else f"led by {'; '.join(later)} instead"
    rotation.append({"bloc": r["bloc"], "year": r["year"], "leader": r["leader"],
                     "deputy leaders": "; ".join(r["deputy_leaders"]),
                     "announced next leader": r["next_leader"], "for year": r["next_leader_year"],
                     "announcement": check, "source": (r["article_urls"] or [None])[0]})
rotation = pd.DataFrame(rotation, columns=["bloc", "year", "leader", "deputy leaders", "announced next leader",
                                           "for year", "announcement", "source"])
if rotation.empty:
    print("No leader or announced successor in this knowledge base yet.")
rotation

# %% [markdown]
# How often each agency led a bloc, over all the blocs and years the knowledge base knows
# (an agency leading several blocs, or the same bloc twice, counts each time).

# %% tags=["chart"]
lead_counts = pd.Series([a for _, r in blocs.iterrows() for a in leaders_of(r)], dtype=object).value_counts()
fig, ax = plt.subplots(figsize=(9, 1.2 + 0.35 * max(len(lead_counts), 3)))
if lead_counts.empty:
    no_data(ax, "No bloc leader reported in this knowledge base yet.")
else:
    ax.barh([short(a, 48) for a in lead_counts.index], lead_counts.values, color="tab:red")
    ax.invert_yaxis()
    ax.set_xlabel("bloc-years led")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.tick_params(axis="y", labelsize=8)
ax.set_title("Agencies by number of bloc-years led")
fig.tight_layout()
plt.show()
