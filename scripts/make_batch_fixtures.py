#!/usr/bin/env python3
"""Writes the batch fixtures of issue 36 (Tests/CredenceAppTests/Fixtures/): the same 20
holders as HR keeps them — CSV in UTF-8, UTF-8 with a byte-order mark, GB18030 (what Excel
on a Chinese Windows saves as "CSV"), and an Excel workbook made by openpyxl (a real
spreadsheet writer, not Credence's own), with dates as Excel date cells and one certificate
number stored as a number. Each has a bad twin: a blank row after the fourth holder, and the
tenth holder's nationality written out ("Britain"), so the bad row is Excel's row 12 in
every format. Run it again only to change the fixtures:
    pip install openpyxl==3.1.5 && python3 scripts/make_batch_fixtures.py
"""
import csv
import datetime
import io
import os

import openpyxl

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "CredenceAppTests", "Fixtures")
HEADERS = ["职业资格（编号或序号）", "持证人姓名", "国籍（两位字母代码）", "出生日期", "护照号码",
           "证书编号", "发证日期", "有效期至", "备注", "持证人已同意（是/否）"]
ENTRIES = ["cfa", "cma", "3", "frm", "acca", "cka", "ckad", "uscpa", "ieee-senior-member", "17",
           "aca-icaew", "cpa-australia", "hk-cpa", "cks", "itil-expert", "fsa", "asa", "ipa", "20", "uk-pharmacist"]
NATIONALITIES = ["GB", "US", "SG", "DE", "FR", "AU", "CA", "JP", "KR", "HK"]


def holders():
    rows = []
    for i in range(20):
        born = datetime.date(1980 + i, (i % 12) + 1, (i % 27) + 1)
        issued = datetime.date(2015 + i % 8, ((i + 5) % 12) + 1, 10)
        expires = datetime.date(2030, 1, (i % 28) + 1) if i % 3 == 0 else None
        certificate = 880000 + i if i == 5 else f"证-{2024000 + i}"  # one number, as Excel keeps a typed number
        rows.append([ENTRIES[i], f"持证人{i + 1} Holder {i + 1}", NATIONALITIES[i % 10], born, f"E{1000000 + i}" if i % 2 else "",
                     certificate, issued, expires, "备注：第一批" if i == 0 else "", "是"])
    return rows


def bad(rows):
    rows = [list(r) for r in rows]
    rows[9][2] = "Britain"
    return rows[:4] + [None] + rows[4:]


def text(value):
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def csv_text(rows):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADERS)
    for row in rows:
        writer.writerow([] if row is None else [text(v) for v in row])
    return out.getvalue()


def xlsx(rows, path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "持证人"
    sheet.append(HEADERS)
    for row in rows:
        sheet.append([] if row is None else row)
    for cell in sheet["D"][1:] + sheet["G"][1:] + sheet["H"][1:]:
        if isinstance(cell.value, datetime.date):
            cell.number_format = "yyyy/m/d"  # as Chinese Excel shows a date
    book.create_sheet("说明").append(["第二个工作表不会被读取"])
    book.save(path)


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, rows in [("batch-20", holders()), ("batch-20-bad", bad(holders()))]:
        body = csv_text(rows)
        with open(os.path.join(OUT, f"{name}.utf8.csv"), "wb") as f:
            f.write(body.encode("utf-8"))
        with open(os.path.join(OUT, f"{name}.bom.csv"), "wb") as f:
            f.write(b"\xef\xbb\xbf" + body.encode("utf-8"))
        with open(os.path.join(OUT, f"{name}.gb18030.csv"), "wb") as f:
            f.write(body.encode("gb18030"))
        xlsx(rows, os.path.join(OUT, f"{name}.xlsx"))


if __name__ == "__main__":
    main()
