"""The cue tables of the page typer: words of class names, schema.org types, URL words."""

from __future__ import annotations

#: Words of class and id names, by the cue they are evidence of.
NAME_CUES: dict[str, str] = {
    "cart": "cart", "basket": "cart", "checkout": "cart", "quantity": "cart", "qty": "cart",
    "price": "price", "prices": "price", "pricing": "pricing",
    "review": "review", "reviews": "review", "rating": "review", "stars": "review",
    "product": "product", "products": "product", "sku": "product", "variant": "product",
    "swatch": "product", "zoom": "product", "gallery": "product",
    "filter": "filter", "filters": "filter", "facet": "filter", "facets": "filter",
    "sort": "filter", "sorting": "filter", "pagination": "pager", "pager": "pager",
    "username": "poster", "avatar": "poster", "topic": "thread", "thread": "thread",
    "reply": "thread", "replies": "thread", "quote": "thread", "posts": "thread",
    "postbody": "thread", "answer": "thread", "answers": "thread", "vote": "thread",
    "votes": "thread", "upvote": "thread",
    "toc": "docs", "highlight": "docs", "docs": "docs", "sphinx": "docs", "sphinxsidebar": "docs",
    "headerlink": "docs", "admonition": "docs", "reference": "docs", "api": "docs",
    "hero": "service", "cta": "service", "accordion": "service", "testimonial": "service",
    "testimonials": "service", "plans": "pricing", "plan": "pricing",
    "card": "card", "cards": "card", "tile": "card", "tiles": "card", "teaser": "card",
    "listing": "card", "results": "card", "result": "card",
    "comment": "comment", "comments": "comment", "respond": "comment", "disqus": "comment",
    "author": "byline", "byline": "byline", "share": "byline", "blog": "byline",
}  # fmt: skip

#: schema.org types (JSON-LD or microdata) and the type of page each one marks.
SCHEMA: dict[str, str] = {
    "Product": "product", "Offer": "product", "AggregateOffer": "product",
    "ProductGroup": "product", "IndividualProduct": "product",
    "QAPage": "forum", "DiscussionForumPosting": "forum",
    "TechArticle": "documentation", "APIReference": "documentation",
    "SoftwareSourceCode": "documentation",
    "CollectionPage": "collection", "ItemList": "listing", "SearchResultsPage": "listing",
    "Service": "service", "FAQPage": "service", "ProfessionalService": "service",
    "LocalBusiness": "service", "Course": "service", "EducationalOccupationalProgram": "service",
    "Article": "article", "NewsArticle": "article", "BlogPosting": "article",
    "Report": "article", "ReportageNewsArticle": "article", "OpinionNewsArticle": "article",
    "Recipe": "article", "HowTo": "article",
}  # fmt: skip

#: Types that also appear on pages of other kinds (an FAQ block under an article, the
#: publisher as a LocalBusiness) count for less.
SCHEMA_WEIGHT: dict[str, float] = {
    "FAQPage": 1.0, "LocalBusiness": 0.5, "ProfessionalService": 1.0, "Course": 1.5,
    "ItemList": 1.5, "Offer": 2.0, "Article": 2.0, "NewsArticle": 2.0, "BlogPosting": 2.0,
    "Report": 2.0, "ReportageNewsArticle": 2.0, "OpinionNewsArticle": 2.0, "Recipe": 2.0,
    "HowTo": 2.0,
}  # fmt: skip

#: Generic words of a URL path, by the type they suggest.
PATH_CUES: dict[str, str] = {
    "docs": "documentation", "doc": "documentation", "documentation": "documentation",
    "manual": "documentation", "reference": "documentation", "api": "documentation",
    "guide": "documentation", "tutorial": "documentation", "handbook": "documentation",
    "forum": "forum", "forums": "forum", "t": "forum", "thread": "forum", "threads": "forum",
    "topic": "forum", "topics": "forum", "questions": "forum", "discussion": "forum",
    "community": "forum", "viewtopic": "forum", "showthread": "forum", "showtopic": "forum",
    "product": "product", "products": "product", "p": "product", "item": "product",
    "dp": "product", "shop": "product",
    "collections": "collection", "collection": "collection", "category": "collection",
    "categories": "collection", "catalog": "collection", "c": "collection",
    "news": "listing", "events": "listing", "courses": "listing", "programs": "listing",
    "search": "listing", "jobs": "listing", "directory": "listing",
    "services": "service", "service": "service", "pricing": "service", "solutions": "service",
    "features": "service", "contact": "service", "about": "service",
    "blog": "article", "article": "article", "articles": "article", "story": "article",
    "post": "article", "posts": "article", "blogs": "article", "recipes": "article",
    "recipe": "article", "learn": "article", "resources": "article", "insights": "article",
}  # fmt: skip

#: The first label of a host name, by the type of site it names.
HOST_CUES: dict[str, str] = {
    "docs": "documentation", "doc": "documentation", "developer": "documentation",
    "developers": "documentation", "wiki": "documentation", "learn": "documentation",
    "forum": "forum", "forums": "forum", "community": "forum", "discuss": "forum",
    "discussion": "forum", "bbs": "forum", "board": "forum", "boards": "forum",
    "shop": "product", "store": "product",
}  # fmt: skip
