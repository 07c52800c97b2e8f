import NewsKit
print("newskit-demo")
