"""Routes inbound e-mails to a queue. Called by the mail worker for every message."""
from openai import OpenAI

client = OpenAI()

QUEUES = ["billing", "bugs", "how-to", "sales", "spam"]


def classify(subject: str, body: str) -> str:
    response = client.chat.completions.create(
        model="gpt-4.1",
        max_tokens=5,
        messages=[
            {"role": "system", "content": "Answer with one word: " + ", ".join(QUEUES)},
            {"role": "user", "content": f"{subject}\n\n{body}"},
        ],
    )
    return response.choices[0].message.content.strip()
