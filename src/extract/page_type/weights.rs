//! The page-type model's weights, written by `scripts/train_page_type.py`
//! (multinomial logistic regression; do not edit by hand).
//!
//! Trained on 1358 development pages (accuracy 0.918); with one domain in five held out, held-out accuracy 0.855; L2 0.01.
//!
//! Each feature is standardised, `(x - MEAN) / SCALE`, so a weight is per
//! standard deviation of its feature; columns follow `CLASSES`: article,
//! forum, product, collection, listing, documentation, service.

// Trained numbers, not constants that happen to be near pi's.
#![allow(clippy::approx_constant)]

use super::FEATURES;

/// Each feature's mean over the training pages.
pub(super) const MEAN: [f32; FEATURES] = [
    0.2216, // ld_article
    0.0044, // ld_tech
    0.0847, // ld_product
    0.0376, // ld_collection
    0.1090, // ld_forum
    0.0574, // ld_faq
    0.0206, // ld_service
    0.0052, // ld_howto
    0.0567, // ld_rating
    0.4227, // og_article
    0.0368, // og_product
    0.3019, // og_website
    0.0832, // url_forum
    0.0493, // url_product
    0.0449, // url_collection
    0.0125, // url_listing
    0.0552, // url_docs
    0.0214, // url_service
    0.4462, // url_article
    0.0515, // url_root
    0.3649, // url_depth
    1.4288, // url_slug_words
    0.1392, // url_numeric_id
    0.0376, // sw_forum
    0.0390, // sw_docs
    0.0847, // sw_shop
    0.2739, // sw_blog
    0.2861, // cls_forum_sw
    1.7900, // cls_post
    0.6440, // cls_comment
    0.5671, // cls_user
    0.5972, // cls_docs
    0.9376, // cls_toc
    0.6527, // cls_price
    0.4844, // cls_cart
    0.8225, // cls_product_card
    1.2186, // cls_card
    0.4210, // cls_filter
    1.0254, // cls_listing
    1.1610, // cls_article
    1.7475, // cls_service
    0.6103, // cls_faq
    1.4384, // cls_share
    0.7050, // txt_price
    0.1239, // txt_cart
    0.2807, // txt_forum
    1.0082, // txt_service
    0.4450, // txt_listing
    0.3667, // txt_docs
    9.0309, // text_total
    0.2558, // link_share
    2.2789, // long_paragraphs
    0.3533, // prose_share
    3.5264, // paragraphs
    0.7384, // h1
    2.6150, // h2_h3
    1.0415, // h4_h6
    7.3559, // heading_per_prose
    0.2059, // pre
    0.3138, // code
    0.0189, // code_share
    4.1561, // list_items
    0.6434, // linked_items
    0.2113, // tables
    0.1629, // definition_lists
    0.6202, // articles
    1.1714, // sections
    0.3595, // times
    2.7937, // images
    1.7228, // forms
    1.9934, // buttons
    0.1357, // textareas
    2.4371, // rep_linked
    1.1223, // rep_card
    0.4024, // rep_priced
    1.1556, // rep_headed
    1.8327, // rep_prose
    0.2441, // rep_post
];

/// Each feature's standard deviation over the training pages.
pub(super) const SCALE: [f32; FEATURES] = [
    0.4154, // ld_article
    0.0663, // ld_tech
    0.2784, // ld_product
    0.1901, // ld_collection
    0.3116, // ld_forum
    0.2327, // ld_faq
    0.1421, // ld_service
    0.0716, // ld_howto
    0.2313, // ld_rating
    0.4940, // og_article
    0.1883, // og_product
    0.4591, // og_website
    0.2762, // url_forum
    0.2166, // url_product
    0.2071, // url_collection
    0.1112, // url_listing
    0.2284, // url_docs
    0.1446, // url_service
    0.4971, // url_article
    0.2211, // url_root
    0.1914, // url_depth
    0.6476, // url_slug_words
    0.3461, // url_numeric_id
    0.1901, // sw_forum
    0.1937, // sw_docs
    0.2784, // sw_shop
    0.4460, // sw_blog
    0.9056, // cls_forum_sw
    1.7961, // cls_post
    1.3234, // cls_comment
    1.1159, // cls_user
    1.1817, // cls_docs
    1.2255, // cls_toc
    1.4314, // cls_price
    1.0139, // cls_cart
    1.5910, // cls_product_card
    1.7335, // cls_card
    1.0214, // cls_filter
    1.2277, // cls_listing
    1.3159, // cls_article
    1.5840, // cls_service
    1.2385, // cls_faq
    1.2537, // cls_share
    1.2304, // txt_price
    0.4848, // txt_cart
    0.7520, // txt_forum
    0.8651, // txt_service
    0.7179, // txt_listing
    0.6470, // txt_docs
    1.4874, // text_total
    0.2023, // link_share
    1.3167, // long_paragraphs
    0.2571, // prose_share
    1.2642, // paragraphs
    0.3755, // h1
    1.0718, // h2_h3
    1.2434, // h4_h6
    6.8656, // heading_per_prose
    0.7332, // pre
    1.0824, // code
    0.0756, // code_share
    1.4382, // list_items
    0.3267, // linked_items
    0.5232, // tables
    0.6578, // definition_lists
    0.9718, // articles
    1.1217, // sections
    0.8402, // times
    1.2744, // images
    1.3519, // forms
    1.4356, // buttons
    0.3482, // textareas
    0.8900, // rep_linked
    1.1720, // rep_card
    0.9170, // rep_priced
    1.0877, // rep_headed
    1.1888, // rep_prose
    0.6929, // rep_post
];

/// The log-odds of each class before any evidence.
pub(super) const BIAS: [f32; 7] = [3.2666, -0.8393, -0.8463, -0.7954, -0.0134, -1.0623, 0.2901];

/// Per feature, its weight for each class.
#[rustfmt::skip]
pub(super) const WEIGHTS: [[f32; 7]; FEATURES] = [
    [  0.573,  -0.007,  -0.116,  -0.148,   0.010,  -0.139,  -0.173], // ld_article
    [ -0.011,  -0.053,  -0.012,  -0.016,   0.055,   0.075,  -0.037], // ld_tech
    [ -0.238,  -0.077,   0.663,  -0.172,  -0.164,  -0.073,   0.060], // ld_product
    [ -0.024,   0.026,  -0.212,   0.113,   0.369,  -0.051,  -0.221], // ld_collection
    [ -0.202,   0.364,  -0.006,  -0.153,   0.005,  -0.059,   0.052], // ld_forum
    [  0.140,  -0.116,   0.028,   0.004,  -0.107,  -0.057,   0.108], // ld_faq
    [ -0.007,   0.065,  -0.105,  -0.092,   0.051,  -0.020,   0.109], // ld_service
    [  0.039,  -0.065,   0.021,  -0.100,   0.164,  -0.032,  -0.027], // ld_howto
    [ -0.116,   0.118,   0.130,  -0.008,  -0.257,  -0.061,   0.193], // ld_rating
    [  0.444,  -0.166,  -0.094,  -0.235,  -0.020,   0.022,   0.049], // og_article
    [ -0.163,  -0.058,   0.366,   0.145,  -0.073,  -0.021,  -0.195], // og_product
    [  0.166,  -0.126,   0.063,  -0.055,  -0.069,  -0.059,   0.080], // og_website
    [ -0.193,   0.536,   0.137,   0.240,  -0.243,  -0.151,  -0.326], // url_forum
    [ -0.033,  -0.121,   0.499,  -0.109,  -0.059,  -0.135,  -0.042], // url_product
    [ -0.107,  -0.058,  -0.062,   0.251,   0.128,  -0.129,  -0.023], // url_collection
    [ -0.049,  -0.092,  -0.016,  -0.032,   0.316,  -0.053,  -0.074], // url_listing
    [ -0.317,  -0.038,  -0.055,   0.117,   0.023,   0.500,  -0.230], // url_docs
    [ -0.243,  -0.041,  -0.030,  -0.084,   0.065,  -0.035,   0.368], // url_service
    [  0.533,   0.318,   0.166,  -0.213,  -0.249,  -0.255,  -0.300], // url_article
    [ -0.044,  -0.005,  -0.127,  -0.051,   0.035,  -0.030,   0.222], // url_root
    [  0.191,   0.108,  -0.056,   0.132,  -0.255,   0.071,  -0.190], // url_depth
    [  0.490,   0.242,   0.094,  -0.321,  -0.135,  -0.137,  -0.233], // url_slug_words
    [  0.049,   0.437,   0.295,  -0.180,  -0.177,  -0.127,  -0.297], // url_numeric_id
    [ -0.128,   0.274,  -0.058,  -0.094,   0.008,  -0.016,   0.014], // sw_forum
    [ -0.027,  -0.072,  -0.043,  -0.071,   0.250,   0.054,  -0.091], // sw_docs
    [ -0.004,  -0.022,   0.130,   0.116,  -0.176,  -0.079,   0.035], // sw_shop
    [  0.091,  -0.200,   0.130,  -0.059,   0.002,   0.023,   0.012], // sw_blog
    [ -0.042,   0.213,   0.025,   0.013,   0.060,  -0.014,  -0.256], // cls_forum_sw
    [ -0.005,   0.204,  -0.126,   0.102,  -0.045,  -0.261,   0.133], // cls_post
    [ -0.112,   0.381,   0.101,   0.009,  -0.034,  -0.060,  -0.286], // cls_comment
    [ -0.139,   0.310,   0.139,  -0.199,  -0.034,   0.004,  -0.080], // cls_user
    [ -0.107,   0.068,   0.150,  -0.066,  -0.029,  -0.032,   0.017], // cls_docs
    [  0.089,  -0.115,   0.107,  -0.175,  -0.163,   0.443,  -0.186], // cls_toc
    [ -0.301,  -0.146,   0.152,   0.403,  -0.003,  -0.204,   0.098], // cls_price
    [ -0.150,  -0.103,   0.241,   0.288,   0.098,  -0.198,  -0.175], // cls_cart
    [  0.011,  -0.077,   0.064,   0.218,  -0.026,   0.090,  -0.281], // cls_product_card
    [ -0.006,  -0.074,   0.005,   0.005,   0.227,  -0.169,   0.011], // cls_card
    [ -0.128,   0.060,  -0.211,   0.224,   0.248,   0.052,  -0.245], // cls_filter
    [ -0.166,  -0.025,   0.122,   0.068,   0.180,   0.001,  -0.181], // cls_listing
    [  0.232,  -0.010,   0.084,   0.047,   0.138,  -0.178,  -0.312], // cls_article
    [  0.067,  -0.066,   0.091,  -0.030,  -0.219,  -0.231,   0.389], // cls_service
    [ -0.171,   0.032,  -0.171,   0.032,   0.014,  -0.094,   0.358], // cls_faq
    [  0.146,  -0.055,  -0.001,  -0.175,  -0.031,  -0.100,   0.217], // cls_share
    [ -0.042,  -0.098,   0.203,   0.179,  -0.175,  -0.121,   0.054], // txt_price
    [ -0.044,  -0.056,   0.352,   0.042,  -0.061,   0.004,  -0.238], // txt_cart
    [  0.128,   0.195,  -0.098,  -0.056,  -0.115,  -0.092,   0.038], // txt_forum
    [ -0.010,  -0.099,   0.181,  -0.058,  -0.311,  -0.126,   0.424], // txt_service
    [ -0.067,   0.108,   0.047,   0.080,   0.055,  -0.062,  -0.162], // txt_listing
    [  0.160,  -0.135,   0.094,   0.106,  -0.321,   0.371,  -0.275], // txt_docs
    [  0.084,   0.035,  -0.143,  -0.268,   0.130,   0.184,  -0.023], // text_total
    [ -0.260,  -0.087,  -0.087,   0.148,   0.402,   0.049,  -0.166], // link_share
    [  0.265,  -0.014,  -0.118,  -0.127,  -0.106,   0.062,   0.039], // long_paragraphs
    [  0.282,   0.057,  -0.199,   0.001,  -0.115,   0.018,  -0.044], // prose_share
    [  0.032,  -0.019,  -0.070,   0.013,  -0.263,   0.129,   0.177], // paragraphs
    [ -0.027,  -0.108,   0.034,  -0.069,   0.058,  -0.047,   0.159], // h1
    [  0.121,  -0.368,  -0.037,   0.046,  -0.041,  -0.052,   0.332], // h2_h3
    [ -0.064,   0.016,   0.030,  -0.038,   0.057,   0.011,  -0.012], // h4_h6
    [ -0.212,  -0.163,   0.196,   0.147,  -0.062,  -0.013,   0.108], // heading_per_prose
    [  0.023,  -0.034,  -0.007,  -0.060,  -0.067,   0.194,  -0.050], // pre
    [ -0.208,   0.099,  -0.026,  -0.102,  -0.079,   0.409,  -0.093], // code
    [  0.074,  -0.073,  -0.034,  -0.048,  -0.042,   0.147,  -0.024], // code_share
    [  0.168,  -0.093,  -0.043,  -0.141,  -0.275,   0.215,   0.169], // list_items
    [  0.046,  -0.104,   0.014,   0.010,   0.000,   0.007,   0.027], // linked_items
    [ -0.069,  -0.037,   0.096,  -0.052,   0.043,   0.077,  -0.057], // tables
    [  0.099,   0.108,   0.220,   0.003,  -0.253,  -0.001,  -0.175], // definition_lists
    [  0.166,   0.007,  -0.090,  -0.044,   0.146,  -0.101,  -0.084], // articles
    [ -0.093,  -0.077,   0.107,  -0.065,  -0.106,   0.049,   0.186], // sections
    [  0.026,   0.273,  -0.077,   0.111,   0.066,  -0.146,  -0.253], // times
    [  0.112,  -0.033,   0.197,   0.188,   0.026,  -0.250,  -0.240], // images
    [ -0.123,   0.156,   0.090,  -0.028,   0.220,  -0.251,  -0.064], // forms
    [ -0.202,  -0.002,   0.190,   0.207,   0.032,  -0.046,  -0.179], // buttons
    [  0.110,  -0.217,   0.054,  -0.187,   0.012,   0.075,   0.154], // textareas
    [  0.066,  -0.076,  -0.110,   0.101,   0.165,  -0.014,  -0.132], // rep_linked
    [ -0.103,  -0.018,  -0.057,   0.048,   0.368,  -0.291,   0.053], // rep_card
    [  0.065,  -0.078,  -0.099,   0.278,   0.064,  -0.086,  -0.143], // rep_priced
    [  0.070,  -0.152,  -0.045,   0.193,   0.065,  -0.081,  -0.049], // rep_headed
    [  0.120,   0.008,  -0.075,  -0.005,   0.003,   0.080,  -0.131], // rep_prose
    [ -0.128,   0.201,   0.020,   0.127,  -0.200,   0.017,  -0.037], // rep_post
];
