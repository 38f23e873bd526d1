//! The page-type model's weights, written by `scripts/train_page_type.py`
//! (multinomial logistic regression; do not edit by hand).
//!
//! Trained on 1358 development pages (accuracy 0.919); with one domain in five held out, held-out accuracy 0.830; L2 0.01.
//!
//! Rows follow `FEATURE_NAMES`; a model trained on other features fails
//! the stage's tests. Each feature is standardised, `(x - MEAN) / SCALE`,
//! so a weight is per
//! standard deviation of its feature; columns follow `CLASSES`: article,
//! forum, product, collection, listing, documentation, service.

// Trained numbers, not constants that happen to be near pi's.
#![allow(clippy::approx_constant)]

/// Each feature's mean over the training pages.
pub(super) const MEAN: &[f32] = &[
    0.2216, // ld_article
    0.0044, // ld_tech
    0.0847, // ld_product
    0.0376, // ld_collection
    0.0486, // ld_forum
    0.0781, // ld_question
    0.0574, // ld_faq
    0.0206, // ld_service
    0.0052, // ld_howto
    0.0567, // ld_rating
    0.4227, // og_article
    0.0368, // og_product
    0.3019, // og_website
    0.6112, // meta_date
    0.5346, // meta_author
    1.9186, // title_words
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
    2.6002, // cls_button
    0.7050, // txt_price
    0.1239, // txt_cart
    0.0427, // one_cart
    0.1539, // many_prices
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
    0.0655, // heading_share
    7.3559, // heading_per_prose
    0.2059, // pre
    0.3138, // code
    0.0189, // code_share
    4.1561, // list_items
    0.2762, // list_share
    0.6434, // linked_items
    0.2113, // tables
    0.1629, // definition_lists
    0.6202, // articles
    1.5217, // navs
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
pub(super) const SCALE: &[f32] = &[
    0.4154, // ld_article
    0.0663, // ld_tech
    0.2784, // ld_product
    0.1901, // ld_collection
    0.2150, // ld_forum
    0.2683, // ld_question
    0.2327, // ld_faq
    0.1421, // ld_service
    0.0716, // ld_howto
    0.2313, // ld_rating
    0.4940, // og_article
    0.1883, // og_product
    0.4591, // og_website
    0.4875, // meta_date
    0.4988, // meta_author
    0.5419, // title_words
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
    1.3526, // cls_button
    1.2304, // txt_price
    0.4848, // txt_cart
    0.2022, // one_cart
    0.3609, // many_prices
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
    0.0703, // heading_share
    6.8656, // heading_per_prose
    0.7332, // pre
    1.0824, // code
    0.0756, // code_share
    1.4382, // list_items
    0.2402, // list_share
    0.3267, // linked_items
    0.5232, // tables
    0.6578, // definition_lists
    0.9718, // articles
    0.8415, // navs
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
pub(super) const BIAS: [f32; 7] = [3.2995, -0.8235, -0.8287, -0.8881, -0.0639, -1.0728, 0.3775];

/// Per feature, its weight for each class.
#[rustfmt::skip]
pub(super) const WEIGHTS: &[[f32; 7]] = &[
    [  0.455,  -0.002,  -0.115,  -0.128,   0.046,  -0.104,  -0.152], // ld_article
    [ -0.007,  -0.021,  -0.010,  -0.017,   0.019,   0.074,  -0.037], // ld_tech
    [ -0.255,  -0.063,   0.620,  -0.149,  -0.144,  -0.065,   0.057], // ld_product
    [ -0.009,   0.049,  -0.218,   0.100,   0.322,  -0.039,  -0.207], // ld_collection
    [ -0.261,   0.395,  -0.024,  -0.013,  -0.069,  -0.010,  -0.019], // ld_forum
    [ -0.031,   0.002,   0.035,  -0.122,   0.081,  -0.046,   0.080], // ld_question
    [ -0.002,  -0.044,   0.055,   0.037,  -0.102,  -0.050,   0.106], // ld_faq
    [ -0.017,   0.052,  -0.088,  -0.087,   0.050,  -0.017,   0.107], // ld_service
    [  0.039,  -0.056,   0.041,  -0.096,   0.152,  -0.035,  -0.045], // ld_howto
    [ -0.132,   0.110,   0.142,   0.002,  -0.259,  -0.050,   0.186], // ld_rating
    [  0.359,  -0.165,  -0.080,  -0.214,  -0.033,   0.062,   0.070], // og_article
    [ -0.171,  -0.056,   0.357,   0.136,  -0.066,  -0.020,  -0.182], // og_product
    [  0.097,  -0.119,   0.061,  -0.042,  -0.048,  -0.035,   0.087], // og_website
    [  0.304,   0.044,   0.056,  -0.123,   0.018,  -0.141,  -0.157], // meta_date
    [  0.219,   0.050,  -0.213,  -0.091,   0.006,  -0.006,   0.035], // meta_author
    [  0.350,   0.164,   0.042,  -0.235,  -0.264,  -0.072,   0.014], // title_words
    [ -0.208,   0.517,   0.157,   0.229,  -0.252,  -0.139,  -0.305], // url_forum
    [ -0.030,  -0.127,   0.484,  -0.094,  -0.060,  -0.121,  -0.051], // url_product
    [ -0.113,  -0.061,  -0.057,   0.255,   0.126,  -0.129,  -0.022], // url_collection
    [ -0.041,  -0.073,  -0.017,  -0.036,   0.280,  -0.045,  -0.067], // url_listing
    [ -0.322,  -0.038,  -0.048,   0.118,  -0.004,   0.503,  -0.209], // url_docs
    [ -0.227,  -0.037,  -0.026,  -0.088,   0.054,  -0.035,   0.359], // url_service
    [  0.463,   0.308,   0.151,  -0.173,  -0.250,  -0.222,  -0.278], // url_article
    [ -0.031,  -0.026,  -0.135,  -0.047,   0.056,  -0.030,   0.213], // url_root
    [  0.233,   0.094,  -0.073,   0.119,  -0.260,   0.080,  -0.192], // url_depth
    [  0.400,   0.206,   0.115,  -0.308,  -0.083,  -0.117,  -0.213], // url_slug_words
    [ -0.021,   0.384,   0.310,  -0.163,  -0.140,  -0.092,  -0.278], // url_numeric_id
    [ -0.099,   0.276,  -0.059,  -0.093,  -0.012,  -0.019,   0.007], // sw_forum
    [ -0.061,  -0.074,  -0.039,  -0.069,   0.257,   0.072,  -0.086], // sw_docs
    [  0.032,   0.007,   0.138,   0.102,  -0.208,  -0.079,   0.007], // sw_shop
    [  0.035,  -0.181,   0.135,  -0.075,  -0.007,   0.036,   0.057], // sw_blog
    [ -0.046,   0.216,   0.042,  -0.006,   0.045,  -0.015,  -0.236], // cls_forum_sw
    [  0.041,   0.188,  -0.111,   0.096,  -0.091,  -0.238,   0.115], // cls_post
    [ -0.132,   0.324,   0.097,   0.020,   0.005,  -0.040,  -0.274], // cls_comment
    [ -0.187,   0.276,   0.087,  -0.189,   0.028,   0.011,  -0.026], // cls_user
    [ -0.122,   0.063,   0.141,  -0.062,  -0.016,  -0.011,   0.006], // cls_docs
    [  0.124,  -0.138,   0.080,  -0.155,  -0.145,   0.416,  -0.183], // cls_toc
    [ -0.253,  -0.141,   0.138,   0.365,   0.007,  -0.182,   0.066], // cls_price
    [ -0.203,  -0.093,   0.207,   0.302,   0.133,  -0.196,  -0.149], // cls_cart
    [  0.018,  -0.068,   0.070,   0.201,  -0.025,   0.091,  -0.286], // cls_product_card
    [  0.009,  -0.086,   0.011,  -0.021,   0.194,  -0.131,   0.024], // cls_card
    [ -0.093,   0.051,  -0.209,   0.193,   0.253,   0.051,  -0.246], // cls_filter
    [ -0.183,  -0.016,   0.109,   0.061,   0.188,   0.010,  -0.170], // cls_listing
    [  0.121,  -0.026,   0.117,   0.095,   0.132,  -0.145,  -0.293], // cls_article
    [  0.109,  -0.060,   0.078,  -0.054,  -0.239,  -0.195,   0.360], // cls_service
    [ -0.124,   0.042,  -0.154,   0.008,  -0.017,  -0.082,   0.327], // cls_faq
    [  0.090,  -0.067,   0.015,  -0.130,  -0.033,  -0.086,   0.212], // cls_share
    [ -0.204,   0.174,  -0.061,   0.168,   0.024,  -0.196,   0.096], // cls_button
    [ -0.070,  -0.077,   0.183,   0.151,  -0.152,  -0.107,   0.072], // txt_price
    [ -0.014,  -0.043,   0.314,   0.017,  -0.068,   0.002,  -0.208], // txt_cart
    [  0.057,   0.020,   0.228,   0.031,  -0.205,   0.051,  -0.182], // one_cart
    [  0.012,  -0.064,   0.065,   0.102,  -0.057,  -0.064,   0.006], // many_prices
    [  0.090,   0.172,  -0.080,  -0.030,  -0.048,  -0.101,  -0.002], // txt_forum
    [ -0.034,  -0.107,   0.147,  -0.049,  -0.278,  -0.117,   0.438], // txt_service
    [ -0.039,   0.118,  -0.004,   0.069,   0.072,  -0.052,  -0.163], // txt_listing
    [  0.147,  -0.141,   0.070,   0.137,  -0.309,   0.356,  -0.260], // txt_docs
    [  0.053,   0.036,  -0.138,  -0.277,   0.156,   0.179,  -0.009], // text_total
    [ -0.276,  -0.081,  -0.061,   0.137,   0.351,   0.050,  -0.120], // link_share
    [  0.250,  -0.014,  -0.112,  -0.125,  -0.094,   0.067,   0.028], // long_paragraphs
    [  0.312,   0.063,  -0.190,  -0.000,  -0.127,   0.014,  -0.072], // prose_share
    [  0.023,  -0.013,  -0.059,   0.015,  -0.263,   0.135,   0.162], // paragraphs
    [ -0.048,  -0.118,   0.024,  -0.034,   0.067,  -0.054,   0.164], // h1
    [  0.142,  -0.314,  -0.013,   0.005,  -0.108,  -0.020,   0.308], // h2_h3
    [ -0.029,   0.014,   0.018,  -0.046,   0.019,   0.040,  -0.016], // h4_h6
    [ -0.141,  -0.081,   0.045,   0.140,   0.210,  -0.178,   0.006], // heading_share
    [ -0.146,  -0.135,   0.184,   0.097,  -0.133,   0.030,   0.103], // heading_per_prose
    [  0.040,  -0.033,  -0.019,  -0.050,  -0.067,   0.175,  -0.046], // pre
    [ -0.202,   0.099,  -0.025,  -0.096,  -0.082,   0.399,  -0.091], // code
    [  0.055,  -0.061,  -0.033,  -0.045,  -0.038,   0.140,  -0.017], // code_share
    [  0.098,  -0.112,  -0.011,  -0.170,  -0.266,   0.200,   0.261], // list_items
    [  0.030,   0.020,  -0.176,   0.060,   0.100,   0.073,  -0.107], // list_share
    [  0.125,  -0.106,  -0.009,  -0.034,   0.010,   0.005,   0.009], // linked_items
    [ -0.100,  -0.051,   0.081,  -0.028,   0.057,   0.092,  -0.052], // tables
    [  0.076,   0.127,   0.149,   0.037,  -0.220,  -0.004,  -0.165], // definition_lists
    [  0.182,  -0.022,  -0.094,  -0.041,   0.133,  -0.081,  -0.078], // articles
    [  0.105,  -0.099,   0.200,  -0.031,  -0.060,  -0.034,  -0.081], // navs
    [ -0.088,  -0.074,   0.099,  -0.072,  -0.115,   0.066,   0.184], // sections
    [ -0.022,   0.248,  -0.080,   0.144,   0.052,  -0.125,  -0.216], // times
    [  0.141,  -0.040,   0.171,   0.184,   0.016,  -0.217,  -0.255], // images
    [ -0.131,   0.148,   0.055,  -0.026,   0.248,  -0.258,  -0.036], // forms
    [ -0.149,  -0.030,   0.208,   0.182,   0.025,  -0.046,  -0.189], // buttons
    [  0.098,  -0.209,   0.053,  -0.179,   0.006,   0.089,   0.143], // textareas
    [  0.096,  -0.101,  -0.101,   0.102,   0.198,  -0.042,  -0.152], // rep_linked
    [ -0.084,  -0.039,  -0.067,   0.054,   0.378,  -0.282,   0.040], // rep_card
    [  0.042,  -0.056,  -0.106,   0.244,   0.085,  -0.069,  -0.139], // rep_priced
    [  0.063,  -0.141,  -0.033,   0.195,   0.057,  -0.085,  -0.056], // rep_headed
    [  0.065,  -0.016,  -0.068,   0.004,   0.026,   0.073,  -0.083], // rep_prose
    [ -0.148,   0.208,   0.016,   0.143,  -0.205,   0.019,  -0.034], // rep_post
];
