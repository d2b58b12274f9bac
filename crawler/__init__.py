"""Fetching: polite, resumable crawling of inspectorate and provincial news sites."""
