"""Claims in pandas: who speaks, by speaker type and gender, and the outlets credited.

First: talkclaims extract examples/article.txt -f parquet -o claims.parquet
(or -f jsonl -o claims.jsonl, then pd.read_json("claims.jsonl", lines=True)).
"""

import pandas as pd

claims = pd.read_parquet("claims.parquet")
who = claims.groupby(["speaker_type", "speaker_gender"], dropna=False).size()
print(who.to_string())
credited = claims["sources"].explode().dropna().value_counts()
print(credited.to_string())
