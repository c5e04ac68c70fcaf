import xml.etree.ElementTree as ET

from diaryrec.research import svg

NS = "{http://www.w3.org/2000/svg}"


def test_heatmap_has_one_cell_per_participant_day_and_escapes_labels():
    chart = svg.heatmap([("P<1>", ["done", "late", "missed"]), ("참가자", ["partly", "done", "upcoming"])])
    root = ET.fromstring(str(chart))
    cells = [r for r in root.iter(f"{NS}rect") if r.find(f"{NS}title") is not None]
    assert len(cells) == 6
    assert cells[0].get("fill") == svg.STATE_COLOURS["done"] and cells[2].get("fill") == svg.STATE_COLOURS["missed"]
    assert "P<1>" in "".join(root.itertext()) and "<1>" not in str(chart)


def test_stacked_shares_split_each_bar_by_its_counts():
    chart = svg.stacked_shares(["week 1"], {"verified": [3], "not_found": [1]}, {"verified": "#0a0", "not_found": "#a00"}, "t")
    root = ET.fromstring(str(chart))
    bars = [r for r in root.iter(f"{NS}rect") if r.find(f"{NS}title") is not None]
    widths = [float(r.get("width")) for r in bars]
    assert abs(widths[0] / (widths[0] + widths[1]) - 0.75) < 1e-6
    assert "75%" in "".join(root.itertext())


def test_grouped_bars_scale_to_the_largest_value():
    chart = svg.grouped_bars(["week 1", "week 2"], {"sessions": [10, 5]}, "t")
    bars = [r for r in ET.fromstring(str(chart)).iter(f"{NS}rect") if r.find(f"{NS}title") is not None]
    assert [float(b.get("height")) for b in bars] == [160.0, 80.0]
