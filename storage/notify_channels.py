"""The channels `borgerbudget notify` delivers with: e-mail over SMTP, SMS through an HTTP gateway.

A channel takes one message or raises :class:`DeliveryError`, saying whether another try may help. Nothing
here touches the database; storage/notify_sender.py decides what to send and writes down what happened.
"""
from __future__ import annotations

import json
import smtplib
import socket
import ssl
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Protocol

from storage import notifications
from storage.config import Config


class DeliveryError(Exception):
    """A channel did not take the message. ``transient``: worth another try later."""

    def __init__(self, reason: str, *, transient: bool, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.transient = transient
        self.retry_after = retry_after


class SmsGateway(Protocol):
    """One SMS provider. Raise DeliveryError when it does not take the message."""

    def send(self, *, to: str, text: str, idempotency_key: str) -> None: ...


class HttpSmsGateway:
    """A JSON-over-HTTPS SMS gateway: POST {"to", "text", "sender", "reference"} with the key as a bearer
    token and the row's Idempotency-Key. 2xx: taken. 429 and 5xx, timeouts and dropped connections: try
    again later (a Retry-After in seconds is honoured). Any other answer: the message is refused for good.
    Another provider's API is one more class with this ``send``."""

    def __init__(self, url: str, api_key: str, sender: str, timeout: float) -> None:
        self.url, self.api_key, self.sender, self.timeout = url, api_key, sender, timeout

    def send(self, *, to: str, text: str, idempotency_key: str) -> None:
        body = json.dumps({"to": to, "text": text, "sender": self.sender, "reference": idempotency_key}).encode()
        request = urllib.request.Request(self.url, data=body, method="POST", headers={
            "Content-Type": "application/json", "Authorization": f"Bearer {self.api_key}",
            "Idempotency-Key": idempotency_key})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 - the operator's URL
                response.read()
        except urllib.error.HTTPError as error:
            retry_after = _seconds(error.headers.get("Retry-After")) if error.headers else None
            transient = error.code == 429 or error.code >= 500
            raise DeliveryError(f"SMS gateway answered HTTP {error.code}", transient=transient,
                                retry_after=retry_after) from None
        except (urllib.error.URLError, socket.timeout, TimeoutError, ConnectionError, OSError) as error:
            raise DeliveryError(f"SMS gateway unreachable: {type(error).__name__}", transient=True) from None


def _seconds(value: str | None) -> float | None:
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:
        return None


class SmtpMailer:
    """E-mail over SMTP: STARTTLS (587), TLS from the start (465) or plain (a relay on localhost)."""

    def __init__(self, config: Config) -> None:
        self.config = config

    def send(self, message: EmailMessage) -> None:
        c = self.config
        try:
            if c.smtp_security == "tls":
                client: smtplib.SMTP = smtplib.SMTP_SSL(c.smtp_host, c.smtp_port, timeout=c.notify_timeout_seconds,
                                                        context=ssl.create_default_context())
            else:
                client = smtplib.SMTP(c.smtp_host, c.smtp_port, timeout=c.notify_timeout_seconds)
            with client:
                if c.smtp_security == "starttls":
                    client.starttls(context=ssl.create_default_context())
                if c.smtp_username:
                    client.login(c.smtp_username, c.smtp_password)
                client.send_message(message)
        except smtplib.SMTPRecipientsRefused:
            raise DeliveryError("the mail server refused the recipient", transient=False) from None
        except smtplib.SMTPResponseException as error:
            raise DeliveryError(f"the mail server answered {error.smtp_code}",
                                transient=400 <= error.smtp_code < 500) from None
        except (smtplib.SMTPException, OSError) as error:
            raise DeliveryError(f"mail server unreachable: {type(error).__name__}", transient=True) from None


@dataclass
class Channels:
    """What the sender delivers with; None: that channel is not configured and its rows are not sent."""

    mailer: SmtpMailer | None = None
    sms: SmsGateway | None = None

    @classmethod
    def from_config(cls, config: Config) -> "Channels":
        mailer = SmtpMailer(config) if notifications.channel_configured(notifications.EMAIL, config) else None
        sms = (HttpSmsGateway(config.sms_gateway_url, config.sms_api_key, config.sms_sender,
                              config.notify_timeout_seconds)
               if notifications.channel_configured(notifications.SMS, config) else None)
        return cls(mailer, sms)


__all__ = ["Channels", "DeliveryError", "HttpSmsGateway", "SmsGateway", "SmtpMailer"]
