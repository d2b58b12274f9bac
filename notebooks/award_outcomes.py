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
# # Award outcomes: who registered for, was proposed for and received which emulation award
#
# This notebook reads a **thidua knowledge base** (the SQLite file that `thidua demo`,
# `thidua crawl` or `thidua ingest` builds) at the path in the parameter `DB` below: the file
# named by the environment variable `THIDUA_DB`, else `kb.sqlite` in the working directory.
# It shows:
#
# 1. the awards the knowledge base knows, by emulation year, by province and by award type,
#    split by how far each got: registered (*đăng ký*), proposed (*đề nghị*), conferred (*tặng*, *nhận*);
# 2. which agencies won the Government's emulation flag (`Cờ thi đua của Chính phủ`, parameter `FLAG`);
# 3. how often a proposal became a conferral.
#
# Everything comes from `thidua.kb.query_awards`: one row per year, award and recipient, whose
# `status` is the furthest step reported and `steps` all the steps reported, each row with the
# articles that report it (`article_urls`). With few facts the charts say so instead of failing.

# %% tags=["parameters"]
import os

DB = os.environ.get("THIDUA_DB", "kb.sqlite")
FLAG = "Cờ thi đua của Chính phủ"  # the award of section 2
TOP = 12  # provinces and award types shown on the charts

# %%
# %matplotlib inline
import matplotlib.pyplot as plt
import pandas as pd

from thidua import kb
from thidua.charts import no_data, short

pd.set_option("display.max_colwidth", 80)
db = kb.open_db(DB)
pd.DataFrame([kb.summary(db)], index=[os.path.basename(DB)])

# %%
STATUSES = ["registered", "proposed", "conferred"]
COLORS = {"registered": "#9ecae1", "proposed": "#fd8d3c", "conferred": "#31a354"}
def stacked(ax, table, horizontal=False):
    """Bars of award counts stacked by status (table: index × status)."""
    left = pd.Series(0, index=table.index)
    for status in STATUSES:
        values = table.get(status, pd.Series(0, index=table.index))
        if horizontal:
            ax.barh(table.index, values, left=left, color=COLORS[status], label=status)
        else:
            ax.bar(table.index, values, bottom=left, color=COLORS[status], label=status)
        left = left + values
    (ax.xaxis if horizontal else ax.yaxis).get_major_locator().set_params(integer=True)


# %%
COLUMNS = ["year", "award", "recipient", "province", "status", "steps", "article_urls", "sources"]
awards = pd.DataFrame(kb.query_awards(db), columns=COLUMNS, dtype=object)  # object: None stays None
awards["province"] = awards["province"].fillna("(province unknown)")
print(f"{len(awards)} award outcomes for {awards['recipient'].nunique()} recipients;"
      f" by status: {({k: int(v) for k, v in awards['status'].value_counts().items()})}")
awards[["year", "award", "recipient", "province", "status", "steps", "sources"]]

# %% [markdown]
# ## 1. Awards by year, province and award type

# %% tags=["chart"]
fig, axes = plt.subplots(1, 3, figsize=(15, 5.5), gridspec_kw={"width_ratios": [1.1, 1, 1.2]})
dated = awards[awards["year"].notna()]
if dated.empty:
    no_data(axes[0], "No award with a year\nin this knowledge base yet.")
else:
    by_year = dated.pivot_table(index="year", columns="status", aggfunc="size", fill_value=0)
    by_year.index = [str(int(y)) for y in by_year.index]
    stacked(axes[0], by_year)
    axes[0].tick_params(axis="x", rotation=45 if len(by_year) > 6 else 0)
    axes[0].legend(frameon=False)
axes[0].set_title("by emulation year")
for ax, column, title in [(axes[1], "province", "by province"), (axes[2], "award", "by award type")]:
    if awards.empty:
        no_data(ax, "No award in this\nknowledge base yet.")
    else:
        table = awards.pivot_table(index=column, columns="status", aggfunc="size", fill_value=0)
        table = table.loc[table.sum(axis=1).sort_values(ascending=False).index[:TOP]]
        table.index = [short(x, 30) for x in table.index]
        stacked(ax, table.iloc[::-1], horizontal=True)
        ax.tick_params(axis="y", labelsize=8)
    ax.set_title(title)
fig.suptitle("Emulation awards in the knowledge base (one per year, award and recipient), by furthest step reported")
fig.tight_layout()
plt.show()

# %% [markdown]
# ## 2. The Government's emulation flag
#
# Which agencies won the flag (`FLAG`), and which were proposed for it or registered to
# compete for it, year by year. The award filter ignores case and diacritics, so
# `co thi dua cua chinh phu` finds the same rows.

# %%
flag = pd.DataFrame(kb.query_awards(db, award=FLAG), columns=COLUMNS, dtype=object)
winners = flag[flag["status"] == "conferred"]
print(f"{FLAG}: {len(winners)} conferred, {(flag['status'] == 'proposed').sum()} proposed only,"
      f" {(flag['status'] == 'registered').sum()} registered only")
flag.assign(source=flag["article_urls"].map(lambda u: u[0] if u else None))[
    ["year", "recipient", "province", "status", "steps", "source"]]

# %% tags=["chart"]
order = flag.assign(rank=-flag["status"].map(STATUSES.index), y=flag["year"].fillna(0).astype(int))
recipients = list(dict.fromkeys(order.sort_values(["rank", "y"])["recipient"]))  # winners first
fig, ax = plt.subplots(figsize=(10, 1.6 + 0.35 * max(len(recipients), 4)))
if flag.empty or flag["year"].isna().all():
    no_data(ax, f"No '{FLAG}' with a year in this knowledge base yet.")
else:
    ypos = {r: i for i, r in enumerate(recipients)}
    for status, marker, size in [("registered", "s", 50), ("proposed", "D", 70), ("conferred", "*", 260)]:
        rows = flag[(flag["status"] == status) & flag["year"].notna()]
        ax.scatter(rows["year"].astype(int), rows["recipient"].map(ypos), marker=marker, s=size,
                   color=COLORS[status], edgecolors="0.3", linewidths=0.5, label=status, zorder=3)
    years = sorted(int(y) for y in flag["year"].dropna().unique())
    ax.set_xticks(years, [str(y) for y in years])
    ax.set_xlim(min(years) - 0.7, max(years) + 0.7)
    ax.set_yticks(range(len(recipients)), [short(r, 48) for r in recipients], fontsize=8)
    ax.set_ylim(len(recipients) - 0.5, -0.5)
    ax.grid(color="0.92")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, labelspacing=1.2)
ax.set_title(f"{FLAG}: furthest step reported, by recipient and year")
fig.tight_layout()
plt.show()

# %% [markdown]
# ## 3. From proposal to conferral
#
# An outcome whose `steps` include `proposed` was proposed (*đề nghị*) for that award in that
# emulation year; it *became a conferral* when a conferral of the same award, recipient and
# year is reported too. Conferrals reported without a proposal are counted apart: the news
# often reports only the ceremony.

# %%
def funnel(group):
    proposed = group["steps"].map(lambda s: "proposed" in s)
    conferred = group["steps"].map(lambda s: "conferred" in s)
    return pd.Series({"proposed": int(proposed.sum()), "proposed → conferred": int((proposed & conferred).sum()),
                      "conferred without a reported proposal": int((conferred & ~proposed).sum())})


conversion = (awards.groupby("award")[["steps"]].apply(funnel) if not awards.empty
              else pd.DataFrame(columns=["proposed", "proposed → conferred", "conferred without a reported proposal"]))
total_proposed = int(conversion["proposed"].sum())
total_converted = int(conversion["proposed → conferred"].sum())
if total_proposed:
    print(f"{total_converted} of {total_proposed} proposals ({total_converted / total_proposed:.0%}) "
          "are reported conferred.")
else:
    print("No proposal (đề nghị) in this knowledge base yet.")
conversion

# %% tags=["chart"]
shown = conversion[conversion.sum(axis=1) > 0]
shown = shown.loc[(shown["proposed"] + shown["conferred without a reported proposal"]).sort_values().index]
fig, ax = plt.subplots(figsize=(10, 1.6 + 0.5 * max(len(shown), 3)))
if shown.empty:
    no_data(ax, "No proposal or conferral in this knowledge base yet.")
else:
    labels = [short(a, 40) for a in shown.index]
    ax.barh(labels, shown["proposed"], color=COLORS["proposed"], label="proposed")
    ax.barh(labels, shown["proposed → conferred"], color=COLORS["conferred"], height=0.45,
            label="of which conferred")
    ax.barh(labels, shown["conferred without a reported proposal"], left=shown["proposed"],
            color="none", edgecolor=COLORS["conferred"], hatch="//", label="conferred, no proposal reported")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.tick_params(axis="y", labelsize=8)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize=8)
rate = f" — {total_converted}/{total_proposed} proposals conferred" if total_proposed else ""
ax.set_title(f"Proposals and conferrals by award{rate}")
fig.tight_layout()
plt.show()
