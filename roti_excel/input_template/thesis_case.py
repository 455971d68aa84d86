"""The thesis case (ITS Surabaya 2012, HM Sampoerna machine operators) as input rows.
Source tables cited per sheet.

Source: Prita Kristantia, "Evaluasi pelatihan untuk operator dengan menggunakan metode
Return on Investment di PT. H.M. Sampoerna Tbk.", Tugas Akhir, Teknik Industri ITS
Surabaya, 2012 (shared/seeds/004_75629dce0c28d2a7.txt).

Two groups are evaluated separately, as in the thesis:
  * Maker  - cigarette-maker unit, course "Prodtech Protos 70";
  * Packer - cigarette-packer unit, courses "Prodtech GD X2NV" and "Prodtech Focke 350".

Pure data: keys of SHEETS are the contract's English sheet names, row keys its English
column headers (docs/contract.md). Blank cells are left out of the row dicts.
Percentages are fractions; dates are ISO strings.

Known defects of the source are kept on purpose, so the tool can flag them:
  * Reaction: Protos 70 session of 19 Jun 2010 has P1 = 0.0 on a 1-5 scale (Lampiran B-2).
  * Learning: five Maker post-test scores of 0 are absentees (Lampiran C), and one
    GD X2NV participant has no score printed at all.
  * Application counts: two GD X2NV "other" items add up to more respondents (12 and 11)
    than the survey had (10) (Lampiran D).
Table 4.18 (Packer before/after hours) contains typos and is NOT used; Impact rows come
from Tables 4.7-4.12.
"""

from __future__ import annotations

from typing import Any

Row = dict[str, Any]

# ---------------------------------------------------------------------------
# Program (cover page, abstract, Tables 4.1-4.2, section 4.5, section 1.4).
# Training classes ran Jan-Dec 2010 (Lampiran B-2); working time of 2009 (before)
# is compared with 2011 (after), 12 months, no isolation (Tables 4.7-4.12).
# ---------------------------------------------------------------------------
PROGRAM: list[tuple[str, Any]] = [
    ("Program name", "Prodtech machine-operator training (Protos 70, GD X2NV, Focke 350)"),
    ("Organization", "PT HM Sampoerna Tbk"),
    ("Currency", "IDR"),
    ("Language", "en"),
    ("ROI objective", 0.25),
    ("Benefit horizon", 12),
    ("Evaluation start", "2011-01-01"),
    ("Evaluation end", "2011-12-31"),
    ("Prepared by", "Prita Kristantia, ITS Surabaya (undergraduate thesis, 2012)"),
    ("Outlier rule", "flag"),
]

SHEETS: dict[str, list[Row]] = {
    # -----------------------------------------------------------------------
    # Groups. Participant counts are those of the cost tables 4.21 / 4.23
    # (30 Maker, 19 Packer); they match the post-test lists of Lampiran C
    # (Protos 70: 30 names; GD X2NV 12 + Focke 350 7 = 19 names).
    # Course descriptions: Tables 4.1, 4.2 and 4.6.
    # -----------------------------------------------------------------------
    "Groups": [
        {
            "Group": "Maker",
            "Participants": 30,
            "Description": (
                "Cigarette-maker unit operators; course Prodtech Protos 70 "
                "(3 weeks in class + 3 months on the job): operate, move, remove, "
                "assemble and set the Protos 70 machine (VE 70, SE 70, MAX 70) safely"
            ),
        },
        {
            "Group": "Packer",
            "Participants": 19,
            "Description": (
                "Cigarette-packer unit operators; courses Prodtech GD X2NV (12 participants) "
                "and Prodtech Focke 350 (7 participants), each 3 weeks in class + 3 months "
                "on the job: operate and maintain the packing machines"
            ),
        },
    ],
    # -----------------------------------------------------------------------
    # Costs. Unit costs: Table 4.13 (direct) and Tables 4.24/4.26 (indirect);
    # quantities and totals: Tables 4.21, 4.23 (direct), 4.25, 4.27 (indirect).
    # The course lasts 3 weeks = 15 working days = 0.75 month (section 4.4).
    # Maker  TRD 114,981,000  TRI 7,650,000  TR 122,631,000 (Table 4.28)
    # Packer TRD  85,312,000  TRI 7,650,000  TR  92,962,000 (Table 4.29)
    # -----------------------------------------------------------------------
    "Costs": [
        # Maker, direct (Tables 4.20-4.21)
        {"Group": "Maker", "Code": "TM", "Description": "Training books (per book)",
         "Unit cost": 100_000, "Quantity": 30, "Duration": 1},
        {"Group": "Maker", "Code": "AV", "Description": "Audio-visual equipment (per unit per week)",
         "Unit cost": 77_000, "Quantity": 1, "Duration": 3},
        {"Group": "Maker", "Code": "C", "Description": "Catering (per participant per day)",
         "Unit cost": 120_000, "Quantity": 30, "Duration": 15},
        {"Group": "Maker", "Code": "A", "Description": "Accommodation (per participant per day)",
         "Unit cost": 100_000, "Quantity": 30, "Duration": 15},
        {"Group": "Maker", "Code": "T", "Description": "Trainer salary (per trainer per month)",
         "Unit cost": 10_000_000, "Quantity": 1, "Duration": 0.75},
        {"Group": "Maker", "Code": "AM", "Description": "Training administration staff salary (per person per month)",
         "Unit cost": 7_000_000, "Quantity": 1, "Duration": 0.75},
        # Maker, indirect (Tables 4.24-4.25)
        {"Group": "Maker", "Code": "NA", "Description": "Training needs analysis (per analyst per month)",
         "Unit cost": 1_700_000, "Quantity": 5, "Duration": 0.75},
        {"Group": "Maker", "Code": "TE", "Description": "Training evaluation (per evaluator per month)",
         "Unit cost": 1_700_000, "Quantity": 1, "Duration": 0.75},
        # Packer, direct (Tables 4.22-4.23)
        {"Group": "Packer", "Code": "TM", "Description": "Training books (per book)",
         "Unit cost": 100_000, "Quantity": 19, "Duration": 1},
        {"Group": "Packer", "Code": "AV", "Description": "Audio-visual equipment (per unit per week)",
         "Unit cost": 77_000, "Quantity": 2, "Duration": 3},
        {"Group": "Packer", "Code": "C", "Description": "Catering (per participant per day)",
         "Unit cost": 120_000, "Quantity": 19, "Duration": 15},
        {"Group": "Packer", "Code": "A", "Description": "Accommodation (per participant per day)",
         "Unit cost": 100_000, "Quantity": 19, "Duration": 15},
        {"Group": "Packer", "Code": "T", "Description": "Trainer salary (per trainer per month)",
         "Unit cost": 10_000_000, "Quantity": 2, "Duration": 0.75},
        {"Group": "Packer", "Code": "AM", "Description": "Training administration staff salary (per person per month)",
         "Unit cost": 7_000_000, "Quantity": 1, "Duration": 0.75},
        # Packer, indirect (Tables 4.26-4.27)
        {"Group": "Packer", "Code": "NA", "Description": "Training needs analysis (per analyst per month)",
         "Unit cost": 1_700_000, "Quantity": 5, "Duration": 0.75},
        {"Group": "Packer", "Code": "TE", "Description": "Training evaluation (per evaluator per month)",
         "Unit cost": 1_700_000, "Quantity": 1, "Duration": 0.75},
    ],
    # -----------------------------------------------------------------------
    # Questions.
    # Level 1: form "Training Program Evaluation" (Lampiran B-1), printed in English;
    #   scale 5 = Very Satisfied ... 1 = Not Satisfied (only the ends are labelled, so
    #   no Labels are given). P1-P5 make up "Nilai Materi", T1-T4 "Nilai Trainer"
    #   (Tables 4.3-4.5, 5.1). The form has no facility questions (section 5.1).
    # Level 3: 6-month evaluation (Lampiran D = GD X2NV, E = Focke 350, and the
    #   unlabelled n=16 pages before/after the Lampiran F heading = Protos 70).
    #   4-point scale: tidak bermanfaat / kurang bermanfaat / bermanfaat /
    #   sangat bermanfaat. Dimension = the aspect heading of the form (ASPEK KOGNITIF,
    #   AFEKTIF, PSIKOMOTORIK, LAIN-LAIN). Wording taken from the cleanest print
    #   (Lampiran E), translated. The Protos 70 form words A1/A2/A5/A6 slightly
    #   differently (noted per question) and has A7 instead of A10.
    #   The multiple-choice items 1-5 of the forms (causes of breakdowns, machine
    #   modifications, accidents, QC topics) are not Likert items and are not listed;
    #   the accident item is used as evidence in Intangibles.
    # -----------------------------------------------------------------------
    "Questions": [
        # Level 1, material (Lampiran B-1, part I "Program Evaluation")
        {"Code": "P1", "Question": "Slide presentation delivered by the trainer is clear, easy to understand and interesting",
         "Level": 1, "Dimension": "Material", "Scale min": 1, "Scale max": 5},
        {"Code": "P2", "Question": "Training module is easy to understand and systematic",
         "Level": 1, "Dimension": "Material", "Scale min": 1, "Scale max": 5},
        {"Code": "P3", "Question": "Training activities in class and in the working area help me to understand the training material",
         "Level": 1, "Dimension": "Material", "Scale min": 1, "Scale max": 5},
        {"Code": "P4", "Question": "Knowledge and skill from this training will help me to make my work easier",
         "Level": 1, "Dimension": "Material", "Scale min": 1, "Scale max": 5},
        {"Code": "P5", "Question": "Training time allocation is enough to understand the material and increase my skill",
         "Level": 1, "Dimension": "Material", "Scale min": 1, "Scale max": 5},
        # Level 1, trainer (Lampiran B-1, part II "Trainer Evaluation")
        {"Code": "T1", "Question": "Trainer is able to explain and deliver the material well",
         "Level": 1, "Dimension": "Trainer", "Scale min": 1, "Scale max": 5},
        {"Code": "T2", "Question": "Trainer is able to create an interesting, not boring training session",
         "Level": 1, "Dimension": "Trainer", "Scale min": 1, "Scale max": 5},
        {"Code": "T3", "Question": "Trainer is able to increase learning spirit by asking questions / feedback",
         "Level": 1, "Dimension": "Trainer", "Scale min": 1, "Scale max": 5},
        {"Code": "T4", "Question": "Trainer is able to use the time to deliver the material effectively",
         "Level": 1, "Dimension": "Trainer", "Scale min": 1, "Scale max": 5},
        # Level 3, ASPEK KOGNITIF
        {"Code": "A1", "Question": "Benefit of the training material to your knowledge (Protos 70 form: to your skills and knowledge)",
         "Level": 3, "Dimension": "Cognitive", "Scale min": 1, "Scale max": 4,
         "Labels": "not useful;less useful;useful;very useful"},
        {"Code": "A2", "Question": "Fit of the knowledge given with carrying out your job (Protos 70 form: with the work on the production floor)",
         "Level": 3, "Dimension": "Cognitive", "Scale min": 1, "Scale max": 4,
         "Labels": "not useful;less useful;useful;very useful"},
        # Level 3, ASPEK AFEKTIF
        {"Code": "A3", "Question": "Your confidence in fixing problems on the machine",
         "Level": 3, "Dimension": "Affective", "Scale min": 1, "Scale max": 4,
         "Labels": "not useful;less useful;useful;very useful"},
        {"Code": "A4", "Question": "Your ability to carry out your job",
         "Level": 3, "Dimension": "Affective", "Scale min": 1, "Scale max": 4,
         "Labels": "not useful;less useful;useful;very useful"},
        # Level 3, ASPEK PSIKOMOTORIK
        {"Code": "A5", "Question": "Meeting the output target set by your superior (Protos 70 form: level of production output you achieve)",
         "Level": 3, "Dimension": "Psychomotor", "Scale min": 1, "Scale max": 4,
         "Labels": "not useful;less useful;useful;very useful"},
        {"Code": "A6", "Question": "Meeting the work quality set by your superior (Protos 70 form: quality of the output you produce)",
         "Level": 3, "Dimension": "Psychomotor", "Scale min": 1, "Scale max": 4,
         "Labels": "not useful;less useful;useful;very useful"},
        {"Code": "A7", "Question": "Accuracy / precision in carrying out your job (Protos 70 form only)",
         "Level": 3, "Dimension": "Psychomotor", "Scale min": 1, "Scale max": 4,
         "Labels": "not useful;less useful;useful;very useful"},
        # Level 3, LAIN-LAIN
        {"Code": "A8", "Question": "Supporting facilities and work equipment",
         "Level": 3, "Dimension": "Other", "Scale min": 1, "Scale max": 4,
         "Labels": "not useful;less useful;useful;very useful"},
        {"Code": "A9", "Question": "Fit of tasks and responsibilities with your abilities",
         "Level": 3, "Dimension": "Other", "Scale min": 1, "Scale max": 4,
         "Labels": "not useful;less useful;useful;very useful"},
        {"Code": "A10", "Question": "Involvement of colleagues from other sections in carrying out the work (GD X2NV and Focke 350 forms only)",
         "Level": 3, "Dimension": "Other", "Scale min": 1, "Scale max": 4,
         "Labels": "not useful;less useful;useful;very useful"},
    ],
    # -----------------------------------------------------------------------
    # Reaction: one row per class session, Lampiran B-2, values as printed
    # (session averages; the number of respondents per session is not given, so
    # Weight is left out). Date = start date; the end date is in the Session label.
    # Trainer names: the GD X2NV table prints "Bemly Hartman" and "Nofal Azda",
    # OCR/typing variants of "Benny Hartman" and "Nofal Adha" in the Focke 350
    # table; unified so per-trainer means group correctly.
    # DEFECT kept: Protos 70, 19 Jun 2010, P1 = 0.0 (printed "Nilai Materi" 4.2 is the
    # mean of P2-P5 only, i.e. the 0 means "not answered").
    # -----------------------------------------------------------------------
    "Reaction": [
        # Prodtech Protos 70 -> Maker
        {"Group": "Maker", "Session": "Protos 70, 2010-06-14 to 2010-07-02", "Trainer": "Andreas Edi Gunawan",
         "Date": "2010-06-14",
         "P1": 5.0, "P2": 4.3, "P3": 4.7, "P4": 4.7, "P5": 4.7, "T1": 5.0, "T2": 4.7, "T3": 4.7, "T4": 4.7},
        {"Group": "Maker", "Session": "Protos 70, 2010-06-19 to 2010-08-08", "Trainer": "Sedyo Budi",
         "Date": "2010-06-19",
         "P1": 0.0, "P2": 5.0, "P3": 4.0, "P4": 5.0, "P5": 2.7, "T1": 5.0, "T2": 5.0, "T3": 4.7, "T4": 4.3},
        {"Group": "Maker", "Session": "Protos 70, 2010-06-28 to 2010-08-18", "Trainer": "Andreas Edi Gunawan",
         "Date": "2010-06-28",
         "P1": 3.3, "P2": 3.8, "P3": 4.3, "P4": 4.2, "P5": 3.7, "T1": 4.3, "T2": 4.5, "T3": 4.3, "T4": 4.3},
        {"Group": "Maker", "Session": "Protos 70, 2010-08-18 to 2010-09-03", "Trainer": "Achmad Kumandito",
         "Date": "2010-08-18",
         "P1": 3.8, "P2": 3.3, "P3": 4.2, "P4": 4.2, "P5": 4.6, "T1": 4.3, "T2": 4.2, "T3": 4.2, "T4": 4.3},
        # Prodtech GD X2NV -> Packer
        {"Group": "Packer", "Session": "GD X2NV, 2010-03-03 to 2010-03-26 (Subandi)", "Trainer": "Subandi",
         "Date": "2010-03-03",
         "P1": 4.0, "P2": 3.8, "P3": 4.8, "P4": 4.8, "P5": 4.3, "T1": 5.0, "T2": 4.8, "T3": 5.0, "T4": 4.8},
        {"Group": "Packer", "Session": "GD X2NV, 2010-03-03 to 2010-03-26 (Benny Hartman)", "Trainer": "Benny Hartman",
         "Date": "2010-03-03",
         "P1": 4.3, "P2": 4.0, "P3": 4.8, "P4": 4.5, "P5": 4.5, "T1": 4.5, "T2": 4.5, "T3": 4.8, "T4": 4.0},
        {"Group": "Packer", "Session": "GD X2NV, 2010-03-29 to 2010-04-16", "Trainer": "Benny Hartman",
         "Date": "2010-03-29",
         "P1": 4.0, "P2": 4.0, "P3": 4.3, "P4": 4.7, "P5": 4.0, "T1": 4.0, "T2": 4.3, "T3": 4.7, "T4": 4.0},
        {"Group": "Packer", "Session": "GD X2NV, 2010-10-25 to 2010-12-10", "Trainer": "Nofal Adha",
         "Date": "2010-10-25",
         "P1": 4.0, "P2": 3.8, "P3": 3.8, "P4": 4.3, "P5": 3.8, "T1": 4.3, "T2": 4.3, "T3": 4.3, "T4": 4.0},
        {"Group": "Packer", "Session": "GD X2NV, 2010-10-18 to 2010-12-24", "Trainer": "Nofal Adha",
         "Date": "2010-10-18",
         "P1": 3.7, "P2": 3.7, "P3": 4.0, "P4": 4.0, "P5": 4.0, "T1": 4.3, "T2": 4.0, "T3": 4.3, "T4": 4.0},
        {"Group": "Packer", "Session": "GD X2NV, 2010-11-01 to 2010-12-17", "Trainer": "Nofal Adha",
         "Date": "2010-11-01",
         "P1": 4.0, "P2": 4.3, "P3": 4.5, "P4": 4.3, "P5": 3.8, "T1": 4.8, "T2": 4.0, "T3": 4.3, "T4": 4.5},
        # Prodtech Focke 350 -> Packer
        {"Group": "Packer", "Session": "Focke 350, 2010-01-25 to 2010-02-12", "Trainer": "Benny Hartman",
         "Date": "2010-01-25",
         "P1": 5.0, "P2": 4.3, "P3": 4.7, "P4": 4.7, "P5": 4.7, "T1": 4.7, "T2": 4.7, "T3": 4.7, "T4": 5.0},
        {"Group": "Packer", "Session": "Focke 350, 2010-02-18 to 2010-03-08", "Trainer": "Nofal Adha",
         "Date": "2010-02-18",
         "P1": 4.0, "P2": 4.0, "P3": 4.0, "P4": 4.3, "P5": 3.7, "T1": 4.0, "T2": 4.3, "T3": 4.3, "T4": 4.0},
        {"Group": "Packer", "Session": "Focke 350, 2010-04-18 to 2010-05-07", "Trainer": "Benny Hartman",
         "Date": "2010-04-18",
         "P1": 4.8, "P2": 5.0, "P3": 4.8, "P4": 5.0, "P5": 5.0, "T1": 4.8, "T2": 4.3, "T3": 4.8, "T4": 4.8},
        {"Group": "Packer", "Session": "Focke 350, 2010-05-10 to 2010-05-27", "Trainer": "Nofal Adha",
         "Date": "2010-05-10",
         "P1": 4.0, "P2": 4.0, "P3": 4.0, "P4": 4.3, "P5": 4.3, "T1": 4.3, "T2": 4.0, "T3": 4.0, "T4": 4.3},
        {"Group": "Packer", "Session": "Focke 350, 2010-06-19 to 2010-08-08", "Trainer": "Nofal Adha",
         "Date": "2010-06-19",
         "P1": 3.8, "P2": 3.7, "P3": 4.0, "P4": 4.0, "P5": 3.8, "T1": 4.3, "T2": 4.2, "T3": 4.2, "T4": 4.0},
        {"Group": "Packer", "Session": "Focke 350, 2010-08-09 to 2010-08-17", "Trainer": "Nofal Adha",
         "Date": "2010-08-09",
         "P1": 4.3, "P2": 4.3, "P3": 4.3, "P4": 4.8, "P5": 4.8, "T1": 4.8, "T2": 4.8, "T3": 4.8, "T4": 4.8},
        {"Group": "Packer", "Session": "Focke 350, 2010-09-20 to 2010-10-08", "Trainer": "Supriyo",
         "Date": "2010-09-20",
         "P1": 4.7, "P2": 4.3, "P3": 4.8, "P4": 5.0, "P5": 4.8, "T1": 4.3, "T2": 4.7, "T3": 4.8, "T4": 4.8},
    ],
    # -----------------------------------------------------------------------
    # Learning: post-tests only (no pre-test, section 5.2), Lampiran C.
    # Participant id = "<class number>-<position in the printed column>"; the class
    # numbers (3922, 4171, ...) are the column headers of Lampiran C.
    # Max score 100 (scores are 80-92; the thesis' "average 8" is on a 10-point reading).
    # Pass mark: NOT stated in the thesis; 70 of 100 is an assumption (every
    # participant who sat the test scored >= 80, so any mark up to 80 gives the same result).
    # Scores of 0 are absentees (seeds/README.md): Status "absent", Post-test kept as 0.
    # Names: OCR line breaks inside names joined (e.g. "Fransiskus Tam bunan").
    # -----------------------------------------------------------------------
    "Learning": [
        # Hasil Post Test Protos 70 -> Maker, class 3922 (whole class printed as 0)
        {"Group": "Maker", "Participant": "3922-01", "Name": "Hengki Gunanwan", "Post-test": 0, "Max score": 100, "Pass mark": 70, "Status": "absent"},
        {"Group": "Maker", "Participant": "3922-02", "Name": "Didik Hadi Suahyono", "Post-test": 0, "Max score": 100, "Pass mark": 70, "Status": "absent"},
        {"Group": "Maker", "Participant": "3922-03", "Name": "Johanes Duta Prakoso", "Post-test": 0, "Max score": 100, "Pass mark": 70, "Status": "absent"},
        {"Group": "Maker", "Participant": "3922-04", "Name": "Anton Duriatna", "Post-test": 0, "Max score": 100, "Pass mark": 70, "Status": "absent"},
        # class 4171
        {"Group": "Maker", "Participant": "4171-01", "Name": "Jarmadi", "Post-test": 81, "Max score": 100, "Pass mark": 70, "Status": "attended"},
        {"Group": "Maker", "Participant": "4171-02", "Name": "Cahyo Abdi Nusanto", "Post-test": 90, "Max score": 100, "Pass mark": 70, "Status": "attended"},
        {"Group": "Maker", "Participant": "4171-03", "Name": "Andy Firman Iriyanto", "Post-test": 88, "Max score": 100, "Pass mark": 70, "Status": "attended"},
        {"Group": "Maker", "Participant": "4171-04", "Name": "Akhmad Ropik", "Post-test": 91, "Max score": 100, "Pass mark": 70, "Status": "attended"},
        {"Group": "Maker", "Participant": "4171-05", "Name": "Fransiskus Tambunan", "Post-test": 82, "Max score": 100, "Pass mark": 70, "Status": "attended"},
        {"Group": "Maker", "Participant": "4171-06", "Name": "Ignasius Ardiyan", "Post-test": 91, "Max score": 100, "Pass mark": 70, "Status": "attended"},
        # class 4296
        {"Group": "Maker", "Participant": "4296-01", "Name": "Yudiyanto", "Post-test": 92, "Max score": 100, "Pass mark": 70, "Status": "attended"},
        {"Group": "Maker", "Participant": "4296-02", "Name": "Arif Nurul Iman", "Post-test": 88, "Max score": 100, "Pass mark": 70, "Status": "attended"},
        {"Group": "Maker", "Participant": "4296-03", "Name": "Arif Wibowo", "Post-test": 89, "Max score": 100, "Pass mark": 70, "Status": "attended"},
        {"Group": "Maker", "Participant": "4296-04", "Name": "Fahrurozi Latif", "Post-test": 90, "Max score": 100, "Pass mark": 70, "Status": "attended"},
        {"Group": "Maker", "Participant": "4296-05", "Name": "Dhika Resikarina", "Post-test": 89, "Max score": 100, "Pass mark": 70, "Status": "attended"},
        {"Group": "Maker", "Participant": "4296-06", "Name": "Heri Sugiarto", "Post-test": 82, "Max score": 100, "Pass mark": 70, "Status": "attended"},
        # Hasil Post Test Protos 70 (2), class 4346
        {"Group": "Maker", "Participant": "4346-01", "Name": "Abdul Rokhib", "Post-test": 80, "Max score": 100, "Pass mark": 70, "Status": "attended"},
        {"Group": "Maker", "Participant": "4346-02", "Name": "Henik Trisnawati", "Post-test": 80, "Max score": 100, "Pass mark": 70, "Status": "attended"},
        {"Group": "Maker", "Participant": "4346-03", "Name": "Sugeng Utomo", "Post-test": 80, "Max score": 100, "Pass mark": 70, "Status": "attended"},
        {"Group": "Maker", "Participant": "4346-04", "Name": "Satijo Purwoko", "Post-test": 81, "Max score": 100, "Pass mark": 70, "Status": "attended"},
        {"Group": "Maker", "Participant": "4346-05", "Name": "Usman Saleh", "Post-test": 80, "Max score": 100, "Pass mark": 70, "Status": "attended"},
        {"Group": "Maker", "Participant": "4346-06", "Name": "Andri Judhianto", "Post-test": 0, "Max score": 100, "Pass mark": 70, "Status": "absent"},
        {"Group": "Maker", "Participant": "4346-07", "Name": "Wijaya Hartanto", "Post-test": 81, "Max score": 100, "Pass mark": 70, "Status": "attended"},
        # class 4514
        {"Group": "Maker", "Participant": "4514-01", "Name": "Sukirno", "Post-test": 81, "Max score": 100, "Pass mark": 70, "Status": "attended"},
        {"Group": "Maker", "Participant": "4514-02", "Name": "Heri Agus Wijaksana", "Post-test": 82, "Max score": 100, "Pass mark": 70, "Status": "attended"},
        {"Group": "Maker", "Participant": "4514-03", "Name": "Cipto Pramono", "Post-test": 82, "Max score": 100, "Pass mark": 70, "Status": "attended"},
        {"Group": "Maker", "Participant": "4514-04", "Name": "Samini", "Post-test": 80, "Max score": 100, "Pass mark": 70, "Status": "attended"},
        {"Group": "Maker", "Participant": "4514-05", "Name": "Ainul Lutfi", "Post-test": 84, "Max score": 100, "Pass mark": 70, "Status": "attended"},
        {"Group": "Maker", "Participant": "4514-06", "Name": "Wahyu Dwi Diantoro Putro", "Post-test": 84, "Max score": 100, "Pass mark": 70, "Status": "attended"},
        {"Group": "Maker", "Participant": "4514-07", "Name": "Edy Rudiyanto Bin Slamet", "Post-test": 81, "Max score": 100, "Pass mark": 70, "Status": "attended"},
        # Hasil Post Test GD X2NV -> Packer, class 3929
        {"Group": "Packer", "Participant": "3929-01", "Name": "Lakstono Widodo", "Post-test": 83, "Max score": 100, "Pass mark": 70, "Status": "attended"},
        {"Group": "Packer", "Participant": "3929-02", "Name": "Akhmad Fauzi", "Post-test": 83, "Max score": 100, "Pass mark": 70, "Status": "attended"},
        {"Group": "Packer", "Participant": "3929-03", "Name": "Kartono", "Post-test": 83, "Max score": 100, "Pass mark": 70, "Status": "attended"},
        {"Group": "Packer", "Participant": "3929-04", "Name": "Rumaji", "Post-test": 82, "Max score": 100, "Pass mark": 70, "Status": "attended"},
        # class 4035
        {"Group": "Packer", "Participant": "4035-01", "Name": "Suprianto", "Post-test": 82, "Max score": 100, "Pass mark": 70, "Status": "attended"},
        {"Group": "Packer", "Participant": "4035-02", "Name": "Dwi Setijaningsih", "Post-test": 81, "Max score": 100, "Pass mark": 70, "Status": "attended"},
        {"Group": "Packer", "Participant": "4035-03", "Name": "Lasmiatun", "Post-test": 81, "Max score": 100, "Pass mark": 70, "Status": "attended"},
        {"Group": "Packer", "Participant": "4035-04", "Name": "Sunentik", "Post-test": 82, "Max score": 100, "Pass mark": 70, "Status": "attended"},
        # class 4188
        {"Group": "Packer", "Participant": "4188-01", "Name": "Kateno", "Post-test": 81, "Max score": 100, "Pass mark": 70, "Status": "attended"},
        # No score printed for Sunaryo (blank cell in Lampiran C): treated as absent,
        # Post-test left blank rather than inventing a 0.
        {"Group": "Packer", "Participant": "4188-02", "Name": "Sunaryo", "Max score": 100, "Pass mark": 70, "Status": "absent"},
        {"Group": "Packer", "Participant": "4188-03", "Name": "Prasetiyo Budi Utomo", "Post-test": 83, "Max score": 100, "Pass mark": 70, "Status": "attended"},
        {"Group": "Packer", "Participant": "4188-04", "Name": "Wisnu Adi Triatmaja", "Post-test": 83, "Max score": 100, "Pass mark": 70, "Status": "attended"},
        # Hasil Post Test Focke 350 -> Packer, class 4318
        {"Group": "Packer", "Participant": "4318-01", "Name": "Rizalhaizam Bin Abdul Manan", "Post-test": 84, "Max score": 100, "Pass mark": 70, "Status": "attended"},
        {"Group": "Packer", "Participant": "4318-02", "Name": "Bambang Setioko", "Post-test": 84, "Max score": 100, "Pass mark": 70, "Status": "attended"},
        {"Group": "Packer", "Participant": "4318-03", "Name": "M. Suhadak", "Post-test": 83, "Max score": 100, "Pass mark": 70, "Status": "attended"},
        {"Group": "Packer", "Participant": "4318-04", "Name": "Wasiran", "Post-test": 83, "Max score": 100, "Pass mark": 70, "Status": "attended"},
        {"Group": "Packer", "Participant": "4318-05", "Name": "Aditya Pradhita", "Post-test": 82, "Max score": 100, "Pass mark": 70, "Status": "attended"},
        {"Group": "Packer", "Participant": "4318-06", "Name": "Muchammad Saifudin Zuhri", "Post-test": 82, "Max score": 100, "Pass mark": 70, "Status": "attended"},
        {"Group": "Packer", "Participant": "4318-07", "Name": "R. Chandrasegar", "Post-test": 84, "Max score": 100, "Pass mark": 70, "Status": "attended"},
    ],
    # -----------------------------------------------------------------------
    # Application counts: 6-month evaluation, counts per scale point
    # ("1" tidak bermanfaat, "2" kurang bermanfaat, "3" bermanfaat, "4" sangat bermanfaat).
    #
    # Maker = Protos 70 form, 16 respondents (the n=16 pages printed just before and
    #   after the "LAMPIRAN F Prodtech Protos 70" heading; 87.5 % = 14/16 in Gambar 4.5).
    #   ILLEGIBLE/MISSING: the "sangat bermanfaat" column of the cognitive, affective and
    #   psychomotor tables is cut off. Column "4" is DERIVED as 16 - (1+2+3); the printed
    #   aspect totals confirm it (cognitive 71.88 % "bermanfaat" = 23/32, so 0+0+x+y=100 %).
    #   A1 "bermanfaat" is printed as "3" next to "50.00%": read as 8 (50 % of 16; the
    #   aspect total 71.88 % = (8+15)/32 confirms it).
    #   A8 prints 60.75 % for 11 of 16 (68.75 %): percentage typo, count kept.
    #
    # Packer = GD X2NV (Lampiran D, 10 respondents) + Focke 350 (Lampiran E, 9
    #   respondents) summed per question; the split is in the comment of each row.
    #   Lampiran D prints no % for "sangat bermanfaat" in the first three aspects, but
    #   the counts are legible. D's item texts are OCR-garbled ("Seperti cartung ...",
    #   "Kesejahteraan tugas ...", "Ketelitian ...") and were matched to E's items
    #   by position and the aspect totals.
    #   DEFECT kept as printed: GD X2NV A9 = 0/0/6/6 (12 answers, 10 respondents) and
    #   A10 = 0/2/6/3 (11 answers); the printed LAIN-LAIN total of D does not match
    #   any consistent reading either. Lampiran E's LAIN-LAIN total (79.37 %, 0 %) is a
    #   typo for 70.37 % / 7.41 %; the item counts are consistent and are used.
    # -----------------------------------------------------------------------
    "Application counts": [
        # Maker (Protos 70, n = 16; column "4" derived, see above)
        {"Group": "Maker", "Code": "A1", "1": 0, "2": 0, "3": 8, "4": 8},
        {"Group": "Maker", "Code": "A2", "1": 0, "2": 0, "3": 15, "4": 1},
        {"Group": "Maker", "Code": "A3", "1": 0, "2": 0, "3": 15, "4": 1},
        {"Group": "Maker", "Code": "A4", "1": 0, "2": 0, "3": 15, "4": 1},
        {"Group": "Maker", "Code": "A5", "1": 0, "2": 1, "3": 12, "4": 3},
        {"Group": "Maker", "Code": "A6", "1": 0, "2": 1, "3": 12, "4": 3},
        {"Group": "Maker", "Code": "A7", "1": 0, "2": 3, "3": 8, "4": 5},
        {"Group": "Maker", "Code": "A8", "1": 0, "2": 5, "3": 11, "4": 0},
        {"Group": "Maker", "Code": "A9", "1": 0, "2": 1, "3": 13, "4": 2},
        # Packer (GD X2NV n = 10 + Focke 350 n = 9)
        {"Group": "Packer", "Code": "A1", "1": 0, "2": 1, "3": 9, "4": 9},     # GD 0/0/2/8 + Focke 0/1/7/1
        {"Group": "Packer", "Code": "A2", "1": 0, "2": 3, "3": 12, "4": 4},    # GD 0/1/6/3 + Focke 0/2/6/1
        {"Group": "Packer", "Code": "A3", "1": 0, "2": 6, "3": 10, "4": 3},    # GD 0/3/4/3 + Focke 0/3/6/0
        {"Group": "Packer", "Code": "A4", "1": 0, "2": 2, "3": 16, "4": 1},    # GD 0/0/9/1 + Focke 0/2/7/0
        {"Group": "Packer", "Code": "A5", "1": 0, "2": 2, "3": 16, "4": 1},    # GD 0/0/9/1 + Focke 0/2/7/0
        {"Group": "Packer", "Code": "A6", "1": 0, "2": 2, "3": 13, "4": 4},    # GD 0/0/7/3 + Focke 0/2/6/1
        {"Group": "Packer", "Code": "A8", "1": 1, "2": 6, "3": 12, "4": 0},    # GD 1/3/6/0 + Focke 0/3/6/0
        {"Group": "Packer", "Code": "A9", "1": 0, "2": 1, "3": 14, "4": 6},    # GD 0/0/6/6 (sic, 12) + Focke 0/1/8/0
        {"Group": "Packer", "Code": "A10", "1": 0, "2": 4, "3": 11, "4": 5},   # GD 0/2/6/3 (sic, 11) + Focke 0/2/5/2
    ],
    # -----------------------------------------------------------------------
    # Rates: Table 4.15 - 3,500,000 per month / 30 days / 2 shifts / 8 hours
    # = 7,291.67 per hour.
    # -----------------------------------------------------------------------
    "Rates": [
        {"Rate": "Operator wage", "Amount": 3_500_000, "Days per month": 30, "Shifts per day": 2, "Hours per shift": 8},
    ],
    # -----------------------------------------------------------------------
    # Measures: working time (section 4.3, Tables 4.16-4.19); no isolation in the thesis.
    # -----------------------------------------------------------------------
    "Measures": [
        {"Group": "Maker", "Measure": "Working time", "Unit": "hours", "Type": "hard", "Better when": "lower",
         "Rate": "Operator wage", "Value source": "Table 4.15 wage", "Isolation": "none",
         "Notes": ("Monthly machine working time of the Maker unit (Protos 70), Tables 4.7-4.9; "
                   "trained operators handle breakdowns themselves, so fewer hours are needed. "
                   "Hours saved x hourly operator wage (section 4.3). The thesis applied no isolation.")},
        {"Group": "Packer", "Measure": "Working time", "Unit": "hours", "Type": "hard", "Better when": "lower",
         "Rate": "Operator wage", "Value source": "Table 4.15 wage", "Isolation": "none",
         "Notes": ("Monthly machine working time of the Packer unit (GD X2NV and Focke 350), Tables 4.10-4.12 "
                   "(Table 4.18 repeats them with typos and is not used). "
                   "Hours saved x hourly operator wage (section 4.3). The thesis applied no isolation.")},
    ],
    # -----------------------------------------------------------------------
    # Impact: month m of 2009 (before, no training) vs month m of 2011 (after).
    # Maker: Table 4.7 (2009) and Tables 4.8-4.9 (2011); hours saved 26,502.89.
    # Packer: Table 4.10 (2009) and Tables 4.11-4.12 (2011); hours saved 20,993.00.
    # -----------------------------------------------------------------------
    "Impact": [
        {"Group": "Maker", "Measure": "Working time", "Before period": "2009-01", "Before": 8944.00, "After period": "2011-01", "After": 5124.35},
        {"Group": "Maker", "Measure": "Working time", "Before period": "2009-02", "Before": 10025.08, "After period": "2011-02", "After": 4354.75},
        {"Group": "Maker", "Measure": "Working time", "Before period": "2009-03", "Before": 6903.50, "After period": "2011-03", "After": 5383.50},
        {"Group": "Maker", "Measure": "Working time", "Before period": "2009-04", "Before": 4460.71, "After period": "2011-04", "After": 4167.25},
        {"Group": "Maker", "Measure": "Working time", "Before period": "2009-05", "Before": 7416.25, "After period": "2011-05", "After": 4647.00},
        {"Group": "Maker", "Measure": "Working time", "Before period": "2009-06", "Before": 8181.50, "After period": "2011-06", "After": 5279.50},
        {"Group": "Maker", "Measure": "Working time", "Before period": "2009-07", "Before": 7289.00, "After period": "2011-07", "After": 6854.00},
        {"Group": "Maker", "Measure": "Working time", "Before period": "2009-08", "Before": 7424.00, "After period": "2011-08", "After": 6513.00},
        {"Group": "Maker", "Measure": "Working time", "Before period": "2009-09", "Before": 5411.75, "After period": "2011-09", "After": 5906.00},
        {"Group": "Maker", "Measure": "Working time", "Before period": "2009-10", "Before": 8719.00, "After period": "2011-10", "After": 6157.00},
        {"Group": "Maker", "Measure": "Working time", "Before period": "2009-11", "Before": 7548.75, "After period": "2011-11", "After": 3098.30},
        {"Group": "Maker", "Measure": "Working time", "Before period": "2009-12", "Before": 7983.50, "After period": "2011-12", "After": 6319.50},
        {"Group": "Packer", "Measure": "Working time", "Before period": "2009-01", "Before": 8970.50, "After period": "2011-01", "After": 5002.50},
        {"Group": "Packer", "Measure": "Working time", "Before period": "2009-02", "Before": 10419.00, "After period": "2011-02", "After": 4505.00},
        {"Group": "Packer", "Measure": "Working time", "Before period": "2009-03", "Before": 7150.75, "After period": "2011-03", "After": 5776.00},
        {"Group": "Packer", "Measure": "Working time", "Before period": "2009-04", "Before": 5005.25, "After period": "2011-04", "After": 4330.00},
        {"Group": "Packer", "Measure": "Working time", "Before period": "2009-05", "Before": 7608.00, "After period": "2011-05", "After": 4853.50},
        {"Group": "Packer", "Measure": "Working time", "Before period": "2009-06", "Before": 8634.50, "After period": "2011-06", "After": 5450.00},
        {"Group": "Packer", "Measure": "Working time", "Before period": "2009-07", "Before": 7767.75, "After period": "2011-07", "After": 7261.50},
        {"Group": "Packer", "Measure": "Working time", "Before period": "2009-08", "Before": 7766.50, "After period": "2011-08", "After": 6974.75},
        {"Group": "Packer", "Measure": "Working time", "Before period": "2009-09", "Before": 5370.50, "After period": "2011-09", "After": 6520.00},
        {"Group": "Packer", "Measure": "Working time", "Before period": "2009-10", "Before": 8600.25, "After period": "2011-10", "After": 7395.00},
        {"Group": "Packer", "Measure": "Working time", "Before period": "2009-11", "Before": 7310.25, "After period": "2011-11", "After": 6290.50},
        {"Group": "Packer", "Measure": "Working time", "Before period": "2009-12", "Before": 7862.00, "After period": "2011-12", "After": 7113.50},
    ],
    # -----------------------------------------------------------------------
    # Intangibles: benefits the thesis names but does not convert to money
    # (sections 5.3, 5.4, 5.5, 6.1; Gambar 4.5/4.8/4.11; Tables 4.7-4.12;
    # accident item 4 of the 6-month forms in Lampiran D, E, F). Blank Group = both units.
    # -----------------------------------------------------------------------
    "Intangibles": [
        {"Benefit": "Operators repair machine breakdowns themselves (first-line maintenance) instead of waiting for technicians",
         "Evidence": "Sections 5.3 and 5.4, conclusion 6.1 item 4; 6-month evaluation forms (Lampiran D, E, F)",
         "Direction": "positive"},
        {"Group": "Maker", "Benefit": "Almost no work accidents after the training (1 of 13 Protos 70 respondents reported one)",
         "Evidence": "Section 5.3; Protos 70 6-month evaluation item 4 (pages under Lampiran F): 1 yes, 12 no",
         "Direction": "positive"},
        {"Group": "Packer", "Benefit": "Almost no work accidents after the training (Focke 350: 1 of 9, cause human error/rushing; GD X2NV: 0 of 6)",
         "Evidence": "Section 5.3; Lampiran E item 4 (1 yes, 8 no); Lampiran D item 4, OCR-garbled (0 yes, 6 no)",
         "Direction": "positive"},
        {"Group": "Maker", "Benefit": "Operators master their current job (about 87.5 % of Protos 70 respondents)",
         "Evidence": "Gambar 4.5 (six-month evaluation Protos 70); conclusion 6.1 item 3",
         "Direction": "positive"},
        {"Group": "Packer", "Benefit": "Operators master their current job (about 90 % GD X2NV and 88.9 % Focke 350 respondents)",
         "Evidence": "Gambar 4.8 and 4.11 (six-month evaluation GD X2NV, Focke 350); conclusion 6.1 item 3",
         "Direction": "positive"},
        {"Group": "Maker", "Benefit": "Higher machine uptime: mean monthly uptime 60.93 % in 2009 vs 61.82 % in 2011 (not converted: the working-time saving already carries it)",
         "Evidence": "Tables 4.7-4.9; section 5.4; conclusion 6.1 item 4",
         "Direction": "positive"},
        {"Group": "Packer", "Benefit": "Higher machine uptime: mean monthly uptime 66.94 % in 2009 vs 69.82 % in 2011 (not converted: the working-time saving already carries it)",
         "Evidence": "Tables 4.10-4.12; section 5.4; conclusion 6.1 item 4",
         "Direction": "positive"},
        {"Benefit": "Expected but not measured: lower downtime, lower maintenance cost and fewer product rejects",
         "Evidence": "Section 5.5, point 1 (benefits not converted to money)",
         "Direction": "positive"},
    ],
}
